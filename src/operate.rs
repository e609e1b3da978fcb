//! Operating tenants: enable, disable, remove, back up, restore. What `tourdesk tenant ...`
//! does beyond provisioning, callable from tests.
//!
//! **Invariant:** a backup is written to a temporary file, verified, fsynced, then renamed:
//! a file with the final name is always a complete, checked backup.

use anyhow::{Context, bail};
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use crate::db::{self, DbUrl};
use crate::launcher::{self, control};
use crate::manifest::{Locked, Manifest, Tenant};
use crate::provision;

/// Sets a tenant's `enabled` flag in the manifest. Returns false when it already had it.
pub fn set_enabled(manifest_path: &Path, slug: &str, enabled: bool) -> anyhow::Result<bool> {
    let mut locked = Locked::acquire(manifest_path)?;
    let entry = locked
        .manifest
        .tenants
        .get_mut(slug)
        .with_context(|| format!("no tenant {slug:?} in {}", manifest_path.display()))?;
    if entry.enabled == enabled {
        return Ok(false);
    }
    entry.enabled = enabled;
    locked.save()?;
    Ok(true)
}

fn sync_dir(dir: &Path) -> anyhow::Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .with_context(|| format!("syncing {}", dir.display()))
}

/// The default place of a new backup: `<manifest dir>/backups/<slug>-<UTC time>.<ext>`.
pub fn default_backup_path(manifest_path: &Path, tenant: &Tenant) -> PathBuf {
    let ext = if tenant.database_url.starts_with("sqlite") {
        "db"
    } else {
        "pgdump"
    };
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    crate::manifest::base_dir(manifest_path)
        .join(crate::manifest::BACKUPS_DIR)
        .join(format!("{}-{stamp}.{ext}", tenant.slug))
}

/// Takes a consistent backup of a tenant, even while it serves.
pub fn backup(tenant: &Tenant, out: &Path) -> anyhow::Result<PathBuf> {
    if out.exists() {
        bail!("{} already exists", out.display());
    }
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    crate::provision::private_dir(&dir)?;
    let url = DbUrl::parse(&tenant.database_url)?;
    let file_name = out
        .file_name()
        .context("the backup path names no file")?
        .to_string_lossy()
        .into_owned();
    let tmp = dir.join(format!(".{file_name}.tmp"));
    let _ = fs::remove_file(&tmp);
    let result = (|| -> anyhow::Result<()> {
        db::backend::backup_to(&url, &tmp)?;
        db::backend::verify_backup(url.is_postgres(), &tmp, tenant.slug.as_str())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&tmp, fs::Permissions::from_mode(0o600))?;
        }
        File::open(&tmp)?.sync_all()?;
        fs::rename(&tmp, out).with_context(|| format!("renaming to {}", out.display()))?;
        sync_dir(&dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.with_context(|| format!("backing up tenant {}", tenant.slug))?;
    Ok(out.to_path_buf())
}

/// Whether the tenant's process is running: under a launcher, or by hand on its port.
pub fn is_serving(manifest_path: &Path, manifest: &Manifest, tenant: &Tenant) -> bool {
    if let Ok(control::Answer::Status(rows)) = control::ask(
        &launcher::run_dir(manifest_path, manifest),
        &control::Request::Status,
    ) && rows
        .iter()
        .any(|r| r.slug == tenant.slug.as_str() && r.pid.is_some())
    {
        return true;
    }
    std::net::TcpStream::connect_timeout(
        &([127, 0, 0, 1], tenant.port).into(),
        std::time::Duration::from_millis(300),
    )
    .is_ok()
}

/// Replaces a stopped tenant's database with a verified backup.
pub fn restore(manifest_path: &Path, slug: &str, file: &Path) -> anyhow::Result<()> {
    let (manifest, tenant) = provision::load_tenant(manifest_path, slug)?;
    if is_serving(manifest_path, &manifest, &tenant) {
        bail!(
            "tenant {slug} is running: disable it first (`tourdesk tenant disable {slug}`), then restore"
        );
    }
    let url = DbUrl::parse(&tenant.database_url)?;
    db::backend::verify_backup(url.is_postgres(), file, slug)?;
    match url {
        DbUrl::Postgres(pg) => db::backend::restore_postgres(&pg, file),
        DbUrl::Sqlite(path) => {
            let target = PathBuf::from(path);
            let dir = target
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("."));
            let tmp = dir.join("tourdesk.db.restore.tmp");
            fs::copy(file, &tmp).with_context(|| format!("copying {}", file.display()))?;
            File::open(&tmp)?.sync_all()?;
            for suffix in ["-wal", "-shm"] {
                let side = PathBuf::from(format!("{}{suffix}", target.display()));
                if side.exists() {
                    fs::remove_file(&side)
                        .with_context(|| format!("removing {}", side.display()))?;
                }
            }
            fs::rename(&tmp, &target).with_context(|| format!("replacing {}", target.display()))?;
            sync_dir(&dir)
        }
    }
}

/// Removes a tenant from the manifest, stops it, and deletes its data, keeping a final
/// backup unless told not to. Returns the backup's path.
pub fn remove(
    manifest_path: &Path,
    slug: &str,
    keep_backup: bool,
) -> anyhow::Result<Option<PathBuf>> {
    let (manifest, tenant) = provision::load_tenant(manifest_path, slug)?;
    let backup_path = if keep_backup {
        Some(backup(
            &tenant,
            &default_backup_path(manifest_path, &tenant),
        )?)
    } else {
        None
    };
    {
        let mut locked = Locked::acquire(manifest_path)?;
        locked.manifest.tenants.remove(slug);
        locked.save()?;
    }
    if launcher::signal_reload(manifest_path)? {
        wait_until_stopped(manifest_path, &manifest, &tenant)?;
    }
    if let DbUrl::Postgres(pg) = DbUrl::parse(&tenant.database_url)? {
        db::backend::drop_postgres_database(&pg)?;
    }
    if tenant.data_dir.exists() {
        fs::remove_dir_all(&tenant.data_dir)
            .with_context(|| format!("removing {}", tenant.data_dir.display()))?;
    }
    Ok(backup_path)
}

fn wait_until_stopped(
    manifest_path: &Path,
    manifest: &Manifest,
    tenant: &Tenant,
) -> anyhow::Result<()> {
    let deadline = std::time::Instant::now()
        + launcher::supervisor::STOP_GRACE
        + std::time::Duration::from_secs(5);
    while std::time::Instant::now() < deadline {
        if !is_serving(manifest_path, manifest, tenant) {
            return Ok(());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    bail!(
        "tenant {} did not stop in time; its data was kept",
        tenant.slug
    )
}
