//! Provisioning and administering tenants: what `tourdesk tenant ...` does, callable from tests.
//!
//! **Invariant:** `create` either leaves a complete tenant — data directory, session secret,
//! migrated database with its first admin, manifest entry — or nothing at all.

use anyhow::{Context, bail};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::db::audit::{self, Change, Entity, Verb};
use crate::db::auth::accounts::{self, PasswordSet};
use crate::db::{self, AnyConnection, DbUrl};
use crate::domain::access::Role;
use crate::domain::auth::password::{self, NewPassword};
use crate::domain::currency::Currency;
use crate::domain::email::Email;
use crate::domain::locale::Locale;
use crate::domain::slug::Slug;
use crate::domain::time::TimeZone;
use crate::manifest::{Locked, Manifest, Tenant, TenantEntry};
use crate::security;

/// The file in a tenant's data directory holding its session secret.
pub const SECRET_FILE: &str = "session.key";

pub struct NewTenant {
    pub slug: Slug,
    pub name: String,
    pub base_currency: Currency,
    pub locale: Locale,
    pub port: Option<u16>,
    pub database_url: Option<String>,
    pub admin_email: Option<Email>,
    /// The agency's time zone; `None` takes the default of its language
    /// ([`TimeZone::default_for`]).
    pub time_zone: Option<TimeZone>,
}

pub struct Provisioned {
    pub tenant: Tenant,
    pub admin_email: Email,
    /// Shown once; the admin must change it at first sign-in.
    pub admin_password: String,
    pub time_zone: TimeZone,
}

pub fn create(manifest_path: &Path, new: NewTenant) -> anyhow::Result<Provisioned> {
    let name = new.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 120 {
        bail!("the agency name must be 1 to 120 characters");
    }
    if crate::domain::text::has_forbidden_control(&name, false) {
        bail!("the agency name must not contain control characters");
    }
    let slug = new.slug.as_str().to_owned();
    let mut locked = Locked::acquire(manifest_path)?;
    if locked.manifest.tenants.contains_key(&slug) {
        bail!(
            "a tenant {slug:?} already exists in {}",
            manifest_path.display()
        );
    }
    let port = match new.port {
        Some(0) => bail!("port must be between 1 and 65535"),
        Some(p) => {
            if let Some((other, _)) = locked.manifest.tenants.iter().find(|(_, t)| t.port == p) {
                bail!("port {p} is already used by tenant {other:?}");
            }
            p
        }
        None => locked.manifest.free_port()?,
    };
    if let Some(url) = &new.database_url {
        DbUrl::parse(url)?;
    }
    let entry = TenantEntry {
        name,
        port,
        database_url: new.database_url.clone(),
        data_dir: None,
        base_currency: new.base_currency.code().to_owned(),
        locale: new.locale.tag().to_owned(),
        enabled: true,
    };
    if let Some(what) = locked.manifest.launcher.reserved_dir(&slug) {
        bail!(
            "the data directory of tenant {slug:?} would be the launcher's {what}; pick another slug"
        );
    }
    let mut candidate = locked.manifest.clone();
    candidate.tenants.insert(slug.clone(), entry.clone());
    let tenant = candidate.tenant(manifest_path, &slug)?;
    if tenant.data_dir.exists() {
        bail!(
            "the data directory {} already exists; move it away or pick another slug",
            tenant.data_dir.display()
        );
    }
    let admin_email = match new.admin_email {
        Some(e) => e,
        None => Email::parse(&format!("admin@{slug}.local"))?,
    };
    let admin_password = password::one_time_password();
    let time_zone = new
        .time_zone
        .unwrap_or_else(|| TimeZone::default_for(new.locale));

    let mut cleanup = Cleanup {
        data_dir: Some(tenant.data_dir.clone()),
        postgres_url: None,
    };
    private_dir(&tenant.data_dir.join("exports"))
        .with_context(|| format!("creating {}", tenant.data_dir.display()))?;
    write_secret(&tenant.data_dir)?;
    let url = DbUrl::parse(&tenant.database_url)?;
    if let DbUrl::Sqlite(path) = &url {
        // Made 0600 before SQLite opens it: its -wal and -shm files take the same mode.
        private_file(Path::new(path))?;
    }
    if let DbUrl::Postgres(pg) = &url
        && db::backend::create_postgres_database(pg)?
    {
        cleanup.postgres_url = Some(pg.clone());
    }
    let mut conn = db::connect(&url).context("opening the new tenant database")?;
    if db::backend::settings_table_exists(&mut conn)? {
        bail!(
            "the database {} already holds a tenant",
            tenant.database_url
        );
    }
    db::migrate::run(&mut conn)?;
    let hash = security::hash_password(&admin_password)?;
    db::write(&mut conn, |conn| -> anyhow::Result<()> {
        db::settings::insert(conn, db::settings::TENANT_SLUG, &slug)?;
        db::settings::insert(conn, db::settings::TIME_ZONE, time_zone.name())?;
        let id = db::auth::users::insert(
            conn,
            &db::auth::users::NewUser {
                email: &admin_email,
                display_name: "Administrator",
                role: Role::Admin,
                password_hash: &hash,
                must_change_password: true,
            },
        )?;
        audit::record_change(
            conn,
            &audit::Actor::cli(),
            Change::new(Entity::Tenant, Verb::Provision, &slug).after(serde_json::json!({
                "admin": admin_email.as_str(),
                "user_id": id.0,
                "time_zone": time_zone.name(),
            })),
        )?;
        Ok(())
    })?;
    drop(conn);
    locked.manifest = candidate;
    locked.save()?;
    cleanup.disarm();
    Ok(Provisioned {
        tenant,
        admin_email,
        admin_password,
        time_zone,
    })
}

/// Removes what a failed `create` made.
struct Cleanup {
    data_dir: Option<PathBuf>,
    postgres_url: Option<String>,
}

impl Cleanup {
    fn disarm(&mut self) {
        self.data_dir = None;
        self.postgres_url = None;
    }
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        if let Some(url) = self.postgres_url.take()
            && let Err(e) = db::backend::drop_postgres_database(&url)
        {
            tracing::error!("could not drop the half-made database: {e:#}");
        }
        if let Some(dir) = self.data_dir.take()
            && let Err(e) = fs::remove_dir_all(&dir)
        {
            tracing::error!("could not remove {}: {e}", dir.display());
        }
    }
}

/// Creates `dir` and its missing parents, owner-only (0700) whatever the umask.
pub fn private_dir(dir: &Path) -> anyhow::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .with_context(|| format!("creating {}", dir.display()))
}

/// Creates an empty owner-only (0600) file at `path` unless one exists.
fn private_file(path: &Path) -> anyhow::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    Ok(())
}

/// Makes a tenant's data directory and its backups readable by this account only:
/// directories 0700, files 0600 (`tenant migrate` runs it, for data made by older versions
/// or copied in by hand). Returns how many modes it changed.
pub fn tighten_permissions(manifest_path: &Path, tenant: &Tenant) -> anyhow::Result<usize> {
    let mut changed = 0;
    if tenant.data_dir.exists() {
        changed += tighten_tree(&tenant.data_dir)?;
    }
    let backups = crate::manifest::base_dir(manifest_path).join(crate::manifest::BACKUPS_DIR);
    if backups.is_dir() {
        changed += set_mode(&backups, 0o700)?;
        let prefix = format!("{}-", tenant.slug);
        for entry in
            fs::read_dir(&backups).with_context(|| format!("reading {}", backups.display()))?
        {
            let entry = entry?;
            if entry.file_type()?.is_file()
                && entry.file_name().to_string_lossy().starts_with(&prefix)
            {
                changed += set_mode(&entry.path(), 0o600)?;
            }
        }
    }
    Ok(changed)
}

fn tighten_tree(dir: &Path) -> anyhow::Result<usize> {
    let mut changed = set_mode(dir, 0o700)?;
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            changed += tighten_tree(&entry.path())?;
        } else if kind.is_file() {
            changed += set_mode(&entry.path(), 0o600)?;
        }
    }
    Ok(changed)
}

/// Sets the permission bits of `path` to `mode`; 1 when they changed.
fn set_mode(path: &Path, mode: u32) -> anyhow::Result<usize> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = fs::metadata(path).with_context(|| format!("reading {}", path.display()))?;
        if meta.permissions().mode() & 0o777 == mode {
            return Ok(0);
        }
        fs::set_permissions(path, fs::Permissions::from_mode(mode))
            .with_context(|| format!("restricting {}", path.display()))?;
        Ok(1)
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(0)
    }
}

fn write_secret(data_dir: &Path) -> anyhow::Result<()> {
    let path = data_dir.join(SECRET_FILE);
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(&path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(security::random_secret().as_bytes())?;
    file.sync_all()?;
    Ok(())
}

/// Reads a tenant's session secret.
pub fn read_secret(data_dir: &Path) -> anyhow::Result<Vec<u8>> {
    let path = data_dir.join(SECRET_FILE);
    let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let secret =
        hex::decode(text.trim()).with_context(|| format!("decoding {}", path.display()))?;
    if secret.len() < 32 {
        bail!("{} holds a secret shorter than 256 bits", path.display());
    }
    Ok(secret)
}

/// Opens a tenant's database and checks that it is this tenant's.
pub fn open(tenant: &Tenant) -> anyhow::Result<AnyConnection> {
    let url = DbUrl::parse(&tenant.database_url)?;
    let mut conn = db::connect(&url)
        .with_context(|| format!("opening the database of tenant {}", tenant.slug))?;
    check_owner(&mut conn, tenant)?;
    Ok(conn)
}

/// **Invariant:** a tenant process only opens its own database.
pub fn check_owner(conn: &mut AnyConnection, tenant: &Tenant) -> anyhow::Result<()> {
    if !db::backend::settings_table_exists(conn)? {
        bail!(
            "the database of tenant {} holds no tenant; was it provisioned?",
            tenant.slug
        );
    }
    match db::settings::get(conn, db::settings::TENANT_SLUG)? {
        Some(owner) if owner == tenant.slug.as_str() => Ok(()),
        Some(owner) => bail!(
            "the database configured for tenant {} belongs to tenant {owner}; refusing to open it",
            tenant.slug
        ),
        None => bail!(
            "the database of tenant {} does not say whose it is",
            tenant.slug
        ),
    }
}

/// Applies the tenant's pending migrations; returns the names applied. A tenant made before
/// time zones were kept gets the default zone of its language (the migration's SQL, which
/// cannot read the manifest, gave it Asia/Bangkok), audited as the command line's change.
pub fn migrate(tenant: &Tenant) -> anyhow::Result<Vec<String>> {
    let mut conn = open(tenant)?;
    let applied = db::migrate::run(&mut conn)?;
    if applied
        .iter()
        .any(|v| v.starts_with(db::migrate::TIME_ZONE_MIGRATION))
    {
        let zone = TimeZone::default_for(tenant.locale);
        db::write(&mut conn, |conn| {
            db::settings::change_time_zone(conn, &audit::Actor::cli(), zone)
        })
        .with_context(|| format!("setting the time zone of tenant {}", tenant.slug))?;
    }
    Ok(applied)
}

/// The agency's time zone as its database holds it, or the default of its language for a
/// database that holds none.
pub fn time_zone(conn: &mut AnyConnection, tenant: &Tenant) -> anyhow::Result<TimeZone> {
    let stored = db::settings::time_zone(conn)
        .with_context(|| format!("reading the time zone of tenant {}", tenant.slug))?;
    Ok(stored.unwrap_or_else(|| TimeZone::default_for(tenant.locale)))
}

pub struct NewStaff<'a> {
    pub email: &'a str,
    pub role: Role,
    pub display_name: Option<&'a str>,
    pub password: &'a str,
}

/// Adds a staff member from the command line with a password the admin chose.
pub fn add_user(tenant: &Tenant, new: &NewStaff<'_>) -> anyhow::Result<crate::domain::ids::UserId> {
    let email = Email::parse(new.email)?;
    let password = NewPassword::parse(new.password, email.as_str())?;
    let name = new.display_name.map(str::trim).filter(|n| !n.is_empty());
    if name.is_some_and(|n| crate::domain::text::has_forbidden_control(n, false)) {
        bail!("the display name must not contain control characters");
    }
    let name = name
        .unwrap_or_else(|| email.as_str().split('@').next().unwrap_or("user"))
        .to_owned();
    let hash = security::hash_password(password.as_str())?;
    let mut conn = open(tenant)?;
    let new_user = db::auth::users::NewUser {
        email: &email,
        display_name: &name,
        role: new.role,
        password_hash: &hash,
        must_change_password: false,
    };
    db::write(&mut conn, |conn| {
        accounts::create(conn, &audit::Actor::cli(), &new_user)
    })
    .with_context(|| format!("adding {email} to tenant {}", tenant.slug))
}

/// Gives a user a new one-time password, revokes their sessions and clears their throttle.
pub fn reset_password(tenant: &Tenant, email: &str) -> anyhow::Result<String> {
    let one_time = password::one_time_password();
    let hash = security::hash_password(&one_time)?;
    give_password(tenant, email, &hash, PasswordSet::OneTime)?;
    Ok(one_time)
}

/// Sets a password the admin chose, with no forced change (the demo's well-known sign-ins).
pub fn set_password(tenant: &Tenant, email: &str, password: &str) -> anyhow::Result<()> {
    let password = NewPassword::parse(password, email)?;
    let hash = security::hash_password(password.as_str())?;
    give_password(tenant, email, &hash, PasswordSet::Chosen)
}

fn give_password(tenant: &Tenant, email: &str, hash: &str, how: PasswordSet) -> anyhow::Result<()> {
    let mut conn = open(tenant)?;
    db::write(&mut conn, |conn| -> anyhow::Result<()> {
        let user = db::auth::users::find_by_email(conn, email)?
            .with_context(|| format!("no user {email:?} in tenant {}", tenant.slug))?;
        accounts::set_password(conn, &audit::Actor::cli(), user.id, hash, how)?;
        Ok(())
    })
}

/// Loads the manifest and resolves one tenant.
pub fn load_tenant(manifest_path: &Path, slug: &str) -> anyhow::Result<(Manifest, Tenant)> {
    let manifest = Manifest::load(manifest_path)?;
    let tenant = manifest.tenant(manifest_path, slug)?;
    Ok((manifest, tenant))
}
