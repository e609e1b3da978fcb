//! The tenants manifest (`tenants/tenants.toml`): which agencies exist and how to run them.
//!
//! Commands that change it take an exclusive lock on `<manifest>.lock`, read, change and
//! write it atomically (temporary file, fsync, rename, fsync of the directory), so two admins
//! provisioning at once cannot lose each other's tenant.

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::domain::currency::Currency;
use crate::domain::locale::Locale;
use crate::domain::slug::Slug;

pub const DEFAULT_PATH: &str = "tenants/tenants.toml";
/// The directory of backups beside the manifest.
pub const BACKUPS_DIR: &str = "backups";
/// Tenant ports are assigned upwards from here; the launcher's front door sits below.
pub const FIRST_TENANT_PORT: u16 = 8101;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    #[serde(default)]
    pub launcher: LauncherSection,
    #[serde(default)]
    pub security: SecuritySection,
    #[serde(default)]
    pub tenants: BTreeMap<String, TenantEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct LauncherSection {
    /// Address of the launcher's front door.
    pub listen: String,
    /// Tenants answer to `<slug>.<base_domain>`.
    pub base_domain: String,
    /// Run directory (pid file, heavy-job slot locks), relative to the manifest's directory.
    pub run_dir: String,
    /// Machine-wide slots for heavy jobs; 0 means cores − 1, at least 1.
    pub heavy_job_slots: u32,
    /// Proxies (addresses or CIDR blocks) whose `X-Forwarded-For` and `X-Forwarded-Proto`
    /// are believed: the client is the rightmost `X-Forwarded-For` entry not in this list.
    /// Empty: the peer is the client, whatever it sends.
    pub trusted_proxies: Vec<String>,
    /// Connections the front door holds at once; more wait in the kernel's queue. It is also
    /// kept within what the open-file limit allows.
    pub max_connections: u32,
    /// A client must send a request's headers within this many seconds, and a kept-alive
    /// connection with no new request is closed after it.
    pub header_timeout_seconds: u32,
    /// A connection on which nothing moves in either direction for this long is closed.
    pub idle_timeout_seconds: u32,
}

impl Default for LauncherSection {
    fn default() -> Self {
        LauncherSection {
            listen: "127.0.0.1:8080".to_owned(),
            base_domain: "localhost".to_owned(),
            run_dir: "run".to_owned(),
            heavy_job_slots: 0,
            trusted_proxies: Vec::new(),
            max_connections: 4096,
            header_timeout_seconds: 10,
            idle_timeout_seconds: 60,
        }
    }
}

impl LauncherSection {
    /// What the launcher keeps at `dir` (relative to the manifest's directory), if anything:
    /// a tenant's data directory must never be one of these.
    pub fn reserved_dir(&self, dir: &str) -> Option<&'static str> {
        let normal = |p: &str| {
            Path::new(p)
                .components()
                .filter(|c| !matches!(c, std::path::Component::CurDir))
                .map(|c| c.as_os_str().to_owned())
                .collect::<Vec<_>>()
        };
        if normal(dir) == normal(&self.run_dir) {
            Some("run directory")
        } else if normal(dir) == normal(BACKUPS_DIR) {
            Some("backups directory")
        } else {
            None
        }
    }

    /// The trusted proxies as networks (a plain address is a one-address network).
    pub fn trusted_networks(&self) -> anyhow::Result<Vec<ipnet::IpNet>> {
        self.trusted_proxies
            .iter()
            .map(|p| {
                let p = p.trim();
                p.parse::<ipnet::IpNet>()
                    .or_else(|_| p.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                    .map_err(|_| {
                        anyhow::anyhow!(
                            "[launcher] trusted_proxies: {p:?} is neither an IP address nor a CIDR block"
                        )
                    })
            })
            .collect()
    }
}

/// Sign-in and session limits shared by every tenant of this manifest.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct SecuritySection {
    /// A session unused for this long is signed out.
    pub session_idle_minutes: u32,
    /// A session older than this is signed out however active it is.
    pub session_absolute_hours: u32,
    /// Failed sign-ins for one account within the window before it is throttled.
    pub max_failures_per_account: u32,
    /// Failed sign-ins from one client address within the window before it is throttled.
    pub max_failures_per_address: u32,
    /// The throttling window, in minutes.
    pub failure_window_minutes: u32,
}

impl Default for SecuritySection {
    fn default() -> Self {
        SecuritySection {
            session_idle_minutes: 8 * 60,
            session_absolute_hours: 7 * 24,
            max_failures_per_account: 5,
            max_failures_per_address: 20,
            failure_window_minutes: 15,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TenantEntry {
    pub name: String,
    pub port: u16,
    /// Absent: SQLite in the tenant's data directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database_url: Option<String>,
    /// Absent: `<manifest dir>/<slug>/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<String>,
    pub base_currency: String,
    pub locale: String,
    #[serde(default = "enabled_default")]
    pub enabled: bool,
}

fn enabled_default() -> bool {
    true
}

/// A tenant as a process needs it, with every default resolved.
#[derive(Debug, Clone)]
pub struct Tenant {
    pub slug: Slug,
    pub name: String,
    pub port: u16,
    pub data_dir: PathBuf,
    pub database_url: String,
    pub base_currency: Currency,
    pub locale: Locale,
    pub enabled: bool,
}

impl Manifest {
    /// Reads the manifest; a missing file is an empty manifest.
    pub fn load(path: &Path) -> anyhow::Result<Manifest> {
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Manifest::default()),
            Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
        };
        let manifest: Manifest =
            toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        manifest
            .validate(&text)
            .with_context(|| format!("checking {}", path.display()))?;
        Ok(manifest)
    }

    /// Checks what the types cannot; each error names the line of the tenant's table.
    fn validate(&self, text: &str) -> anyhow::Result<()> {
        let mut ports = BTreeMap::new();
        for (slug, entry) in &self.tenants {
            let at = |what: &str| match table_line(text, slug) {
                Some(line) => format!("line {line}, tenant {slug:?}: {what}"),
                None => format!("tenant {slug:?}: {what}"),
            };
            Slug::parse(slug).map_err(|e| anyhow::anyhow!(at(&e.to_string())))?;
            let data_dir = entry.data_dir.as_deref().unwrap_or(slug);
            if let Some(what) = self.launcher.reserved_dir(data_dir) {
                bail!(at(&format!(
                    "its data directory would be the launcher's {what}; pick another slug"
                )));
            }
            Currency::parse(&entry.base_currency)
                .map_err(|e| anyhow::anyhow!(at(&e.to_string())))?;
            Locale::parse(&entry.locale).map_err(|e| anyhow::anyhow!(at(&e.to_string())))?;
            if entry.port == 0 {
                bail!(at("port must be between 1 and 65535"));
            }
            if let Some(other) = ports.insert(entry.port, slug) {
                bail!(at(&format!(
                    "port {} is also used by tenant {other:?}",
                    entry.port
                )));
            }
        }
        if self.launcher.base_domain.trim().is_empty() {
            bail!("[launcher] base_domain must not be empty");
        }
        self.launcher.trusted_networks()?;
        if self.launcher.max_connections == 0
            || self.launcher.header_timeout_seconds == 0
            || self.launcher.idle_timeout_seconds == 0
        {
            bail!(
                "[launcher] max_connections, header_timeout_seconds and idle_timeout_seconds must be at least 1"
            );
        }
        Ok(())
    }

    /// The tenant `slug` with its defaults resolved against the manifest's directory.
    pub fn tenant(&self, manifest_path: &Path, slug: &str) -> anyhow::Result<Tenant> {
        let entry = self
            .tenants
            .get(slug)
            .with_context(|| format!("no tenant {slug:?} in {}", manifest_path.display()))?;
        resolve(manifest_path, slug, entry)
    }

    pub fn tenants(&self, manifest_path: &Path) -> anyhow::Result<Vec<Tenant>> {
        self.tenants
            .iter()
            .map(|(slug, entry)| resolve(manifest_path, slug, entry))
            .collect()
    }

    /// The lowest free port from [`FIRST_TENANT_PORT`] up.
    pub fn free_port(&self) -> anyhow::Result<u16> {
        (FIRST_TENANT_PORT..=u16::MAX)
            .find(|p| self.tenants.values().all(|t| t.port != *p))
            .context("no free port left for a new tenant")
    }
}

/// The 1-based line of `[tenants.<slug>]` in the manifest's text.
fn table_line(text: &str, slug: &str) -> Option<usize> {
    let header = format!("[tenants.{slug}]");
    text.lines().position(|l| l.trim() == header).map(|i| i + 1)
}

/// The directory holding the manifest, against which relative paths resolve.
pub fn base_dir(manifest_path: &Path) -> PathBuf {
    match manifest_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn resolve(manifest_path: &Path, slug: &str, entry: &TenantEntry) -> anyhow::Result<Tenant> {
    let base = base_dir(manifest_path);
    let data_dir = match &entry.data_dir {
        Some(d) => base.join(d),
        None => base.join(slug),
    };
    let database_url = match &entry.database_url {
        Some(url) => url.clone(),
        None => format!("sqlite://{}", data_dir.join("tourdesk.db").display()),
    };
    Ok(Tenant {
        slug: Slug::parse(slug)?,
        name: entry.name.clone(),
        port: entry.port,
        data_dir,
        database_url,
        base_currency: Currency::parse(&entry.base_currency)?,
        locale: Locale::parse(&entry.locale)?,
        enabled: entry.enabled,
    })
}

/// An exclusive lock on the manifest, held while it is read, changed and written.
pub struct Locked {
    path: PathBuf,
    _lock: File,
    pub manifest: Manifest,
}

impl Locked {
    pub fn acquire(path: &Path) -> anyhow::Result<Locked> {
        let dir = base_dir(path);
        fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let lock_path = path.with_extension("toml.lock");
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .with_context(|| format!("opening {}", lock_path.display()))?;
        lock.lock()
            .with_context(|| format!("locking {}", lock_path.display()))?;
        let manifest = Manifest::load(path)?;
        Ok(Locked {
            path: path.to_path_buf(),
            _lock: lock,
            manifest,
        })
    }

    /// Writes the manifest atomically: a reader sees the old file or the new one, never half.
    pub fn save(&self) -> anyhow::Result<()> {
        let text = toml::to_string_pretty(&self.manifest).context("serialising the manifest")?;
        let dir = base_dir(&self.path);
        let mut tmp = tempfile::NamedTempFile::new_in(&dir)
            .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
        tmp.write_all(HEADER.as_bytes())?;
        tmp.write_all(text.as_bytes())?;
        tmp.as_file().sync_all()?;
        tmp.persist(&self.path)
            .with_context(|| format!("replacing {}", self.path.display()))?;
        File::open(&dir)
            .and_then(|d| d.sync_all())
            .with_context(|| format!("syncing {}", dir.display()))?;
        Ok(())
    }
}

const HEADER: &str = "# tourdesk tenants manifest: written by `tourdesk tenant ...`.\n\
# See tenants/tenants.example.toml for every key.\n\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_refused_with_their_line() {
        let err = toml::from_str::<Manifest>("[launcher]\nlisten = \"x\"\nlisen = 3\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("lisen"), "{err}");
        assert!(err.contains("line 3"), "{err}");
    }

    #[test]
    fn invalid_values_name_their_line() {
        let text =
            "[tenants.acme]\nname = \"A\"\nport = 8101\nbase_currency = \"THX\"\nlocale = \"en\"\n";
        let m: Manifest = toml::from_str(text).unwrap_or_default();
        let err = m
            .validate(text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("line 1") && err.contains("THX"), "{err}");
    }

    #[test]
    fn the_example_manifest_is_valid() -> anyhow::Result<()> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tenants/tenants.example.toml");
        let m = Manifest::load(&path)?;
        assert_eq!(
            m,
            Manifest {
                tenants: m.tenants.clone(),
                ..Manifest::default()
            }
        );
        assert!(m.tenants.contains_key("acme"));
        Ok(())
    }

    #[test]
    fn defaults_resolve_against_the_manifest_dir() -> anyhow::Result<()> {
        let m: Manifest = toml::from_str(
            "[tenants.acme]\nname = \"Acme\"\nport = 8101\nbase_currency = \"THB\"\nlocale = \"th\"\n",
        )?;
        let t = m.tenant(Path::new("/srv/t/tenants.toml"), "acme")?;
        assert_eq!(t.data_dir, PathBuf::from("/srv/t/acme"));
        assert_eq!(t.database_url, "sqlite:///srv/t/acme/tourdesk.db");
        assert!(t.enabled);
        assert_eq!(m.free_port()?, 8102);
        Ok(())
    }
}
