//! The command line: tenant administration, `serve` and `demo`.

mod demo;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use std::io::{BufRead, IsTerminal};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::domain::access::Role;
use crate::domain::currency::Currency;
use crate::domain::email::Email;
use crate::domain::locale::Locale;
use crate::domain::slug::Slug;
use crate::domain::time::TimeZone;
use crate::launcher::{self, control};
use crate::manifest::{self, Manifest};
use crate::operate;
use crate::provision::{self, NewStaff, NewTenant};
use crate::web;

#[derive(Parser)]
#[command(
    name = "tourdesk",
    version,
    about = "Back office for group-tour agencies: one process and one database per agency."
)]
struct Cli {
    /// The tenants manifest.
    #[arg(long, global = true, env = "TOURDESK_MANIFEST", default_value = manifest::DEFAULT_PATH)]
    manifest: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Provision and administer tenants.
    Tenant {
        #[command(subcommand)]
        command: TenantCommand,
    },
    /// Serve one tenant on 127.0.0.1 at its port.
    Serve {
        #[arg(long)]
        tenant: String,
    },
    /// Supervise every enabled tenant and front them on one port.
    Launch {
        /// Overrides `[launcher] listen` of the manifest.
        #[arg(long)]
        listen: Option<String>,
    },
    /// The tenants of the running launcher: state, pid, port, uptime, restarts, memory.
    Status {
        /// A JSON array for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Provision the demo agency if it is absent, then launch it.
    Demo,
}

#[derive(Subcommand)]
enum TenantCommand {
    /// Create a tenant: data directory, database, first admin, manifest entry.
    New {
        slug: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        base_currency: String,
        #[arg(long)]
        locale: String,
        #[arg(long)]
        port: Option<u16>,
        /// sqlite://PATH or postgres://USER@HOST/DATABASE; default SQLite in the data directory.
        #[arg(long)]
        database_url: Option<String>,
        /// Default admin@<slug>.local.
        #[arg(long)]
        admin_email: Option<String>,
        /// The agency's time zone, an IANA name such as Asia/Bangkok; default from --locale
        /// (en and th: Asia/Bangkok, vi: Asia/Ho_Chi_Minh, zh-CN: Asia/Shanghai).
        #[arg(long)]
        time_zone: Option<String>,
    },
    /// List the tenants of the manifest.
    List,
    /// Apply pending database migrations.
    Migrate {
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        slug: Option<String>,
        #[arg(long)]
        all: bool,
    },
    /// Stop serving a tenant (its data stays).
    Disable { slug: String },
    /// Serve a disabled tenant again.
    Enable { slug: String },
    /// Restart a tenant under the running launcher, clearing its crash-loop breaker.
    Restart { slug: String },
    /// Delete a tenant: stop it, keep a final backup (unless --no-backup), remove its data.
    Remove {
        slug: String,
        /// Confirms the removal.
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        no_backup: bool,
    },
    /// Write a consistent backup while the tenant serves.
    Backup {
        slug: String,
        /// Default: <manifest dir>/backups/<slug>-<time>.db
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Replace a stopped tenant's database with a backup.
    Restore { slug: String, file: PathBuf },
    /// Staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a staff member; the password is read from standard input.
    Add {
        slug: String,
        email: String,
        #[arg(long)]
        role: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// Give a user a new one-time password (printed once) and sign them out everywhere.
    ResetPassword { slug: String, email: String },
}

pub fn main() -> ExitCode {
    crate::process::restrict_umask();
    crate::process::raise_open_files_limit();
    init_logging();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("TOURDESK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,actix_server=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let manifest_path = cli.manifest;
    match cli.command {
        Command::Tenant { command } => tenant(&manifest_path, command),
        Command::Serve { tenant } => serve(&manifest_path, &tenant),
        Command::Launch { listen } => crate::launcher::run(&manifest_path, listen),
        Command::Status { json } => status(&manifest_path, json),
        Command::Demo => demo::run(&manifest_path),
    }
}

fn tenant(manifest_path: &Path, command: TenantCommand) -> anyhow::Result<()> {
    match command {
        TenantCommand::New {
            slug,
            name,
            base_currency,
            locale,
            port,
            database_url,
            admin_email,
            time_zone,
        } => {
            let new = NewTenant {
                slug: Slug::parse(&slug).with_context(|| format!("slug {slug:?}"))?,
                name,
                base_currency: Currency::parse(&base_currency)?,
                locale: Locale::parse(&locale)?,
                port,
                database_url,
                admin_email: admin_email.as_deref().map(Email::parse).transpose()?,
                time_zone: time_zone.as_deref().map(TimeZone::parse).transpose()?,
            };
            let done = provision::create(manifest_path, new)
                .with_context(|| format!("provisioning tenant {slug}"))?;
            let base_domain = Manifest::load(manifest_path)?.launcher.base_domain;
            println!("created tenant {} ({})", done.tenant.slug, done.tenant.name);
            println!("  port:      {}", done.tenant.port);
            println!("  data:      {}", done.tenant.data_dir.display());
            println!("  time zone: {}", done.time_zone);
            println!(
                "  url:       http://{}.{}:{}/",
                done.tenant.slug, base_domain, done.tenant.port
            );
            println!("  admin:     {}", done.admin_email);
            println!(
                "  password:  {}   (one-time: shown once, to be changed at first sign-in)",
                done.admin_password
            );
            notify_launcher(manifest_path)
        }
        TenantCommand::List => {
            let manifest = Manifest::load(manifest_path)?;
            let tenants = manifest.tenants(manifest_path)?;
            if tenants.is_empty() {
                println!("no tenants in {}", manifest_path.display());
                return Ok(());
            }
            println!(
                "{:<24} {:<6} {:<4} {:<6} {:<8} NAME",
                "SLUG", "PORT", "CCY", "LOCALE", "ENABLED"
            );
            for t in tenants {
                println!(
                    "{:<24} {:<6} {:<4} {:<6} {:<8} {}",
                    t.slug,
                    t.port,
                    t.base_currency.code(),
                    t.locale.tag(),
                    if t.enabled { "yes" } else { "no" },
                    t.name
                );
            }
            Ok(())
        }
        TenantCommand::Migrate { slug, all } => {
            let manifest = Manifest::load(manifest_path)?;
            let tenants = if all {
                manifest.tenants(manifest_path)?
            } else {
                let slug = slug.context("name a tenant or pass --all")?;
                vec![manifest.tenant(manifest_path, &slug)?]
            };
            for t in tenants {
                let applied = provision::migrate(&t)
                    .with_context(|| format!("migrating tenant {}", t.slug))?;
                if applied.is_empty() {
                    println!("{}: up to date", t.slug);
                } else {
                    println!("{}: applied {}", t.slug, applied.join(", "));
                }
                let tightened = provision::tighten_permissions(manifest_path, &t)
                    .with_context(|| format!("restricting the files of tenant {}", t.slug))?;
                if tightened > 0 {
                    println!(
                        "{}: made {tightened} file(s) and directories readable by this account only",
                        t.slug
                    );
                }
            }
            Ok(())
        }
        TenantCommand::User { command } => user(manifest_path, command),
        TenantCommand::Disable { slug } => {
            if operate::set_enabled(manifest_path, &slug, false)? {
                println!("tenant {slug} disabled");
            } else {
                println!("tenant {slug} was already disabled");
            }
            notify_launcher(manifest_path)
        }
        TenantCommand::Enable { slug } => {
            if operate::set_enabled(manifest_path, &slug, true)? {
                println!("tenant {slug} enabled");
            } else {
                println!("tenant {slug} was already enabled");
            }
            notify_launcher(manifest_path)
        }
        TenantCommand::Restart { slug } => {
            let manifest = Manifest::load(manifest_path)?;
            manifest.tenant(manifest_path, &slug)?;
            let run_dir = launcher::run_dir(manifest_path, &manifest);
            match control::ask(&run_dir, &control::Request::Restart { slug: slug.clone() })? {
                control::Answer::Ok => {
                    println!("tenant {slug} is restarting");
                    Ok(())
                }
                control::Answer::Error(e) => bail!(e),
                control::Answer::Status(_) => bail!("unexpected answer from the launcher"),
            }
        }
        TenantCommand::Remove {
            slug,
            yes,
            no_backup,
        } => {
            if !yes {
                bail!("this deletes tenant {slug} and its data; run again with --yes to confirm");
            }
            match operate::remove(manifest_path, &slug, !no_backup)? {
                Some(path) => println!("tenant {slug} removed; final backup: {}", path.display()),
                None => println!("tenant {slug} removed, without a backup"),
            }
            Ok(())
        }
        TenantCommand::Backup { slug, out } => {
            let (_, tenant) = provision::load_tenant(manifest_path, &slug)?;
            let out = out.unwrap_or_else(|| operate::default_backup_path(manifest_path, &tenant));
            let path = operate::backup(&tenant, &out)?;
            println!(
                "backup of {slug} written to {} (integrity checked)",
                path.display()
            );
            Ok(())
        }
        TenantCommand::Restore { slug, file } => {
            operate::restore(manifest_path, &slug, &file)?;
            println!(
                "tenant {slug} restored from {}; enable or start it to serve",
                file.display()
            );
            Ok(())
        }
    }
}

fn user(manifest_path: &Path, command: UserCommand) -> anyhow::Result<()> {
    match command {
        UserCommand::Add {
            slug,
            email,
            role,
            name,
            password_stdin: _,
        } => {
            let (_, tenant) = provision::load_tenant(manifest_path, &slug)?;
            let role = Role::parse(&role)?;
            let password = read_password_stdin()?;
            let id = provision::add_user(
                &tenant,
                &NewStaff {
                    email: &email,
                    role,
                    display_name: name.as_deref(),
                    password: &password,
                },
            )?;
            println!(
                "added user {} ({}) to tenant {} as user {}",
                email.trim().to_lowercase(),
                role,
                slug,
                id
            );
            Ok(())
        }
        UserCommand::ResetPassword { slug, email } => {
            let (_, tenant) = provision::load_tenant(manifest_path, &slug)?;
            let password = provision::reset_password(&tenant, &email)?;
            println!("one-time password for {email}: {password}");
            println!(
                "(shown once; it must be changed at the next sign-in; all sessions were signed out)"
            );
            Ok(())
        }
    }
}

/// Asks a running launcher to reload the manifest; says so when none runs.
fn notify_launcher(manifest_path: &Path) -> anyhow::Result<()> {
    if launcher::signal_reload(manifest_path)? {
        println!("the running launcher reloads the manifest");
    }
    Ok(())
}

fn status(manifest_path: &Path, json: bool) -> anyhow::Result<()> {
    let manifest = Manifest::load(manifest_path)?;
    let run_dir = launcher::run_dir(manifest_path, &manifest);
    let rows = match control::ask(&run_dir, &control::Request::Status)? {
        control::Answer::Status(rows) => rows,
        control::Answer::Error(e) => bail!(e),
        control::Answer::Ok => bail!("unexpected answer from the launcher"),
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    println!(
        "{:<24} {:<9} {:>8} {:>6} {:>9} {:>8} {:>9}  LAST EXIT",
        "SLUG", "STATE", "PID", "PORT", "UPTIME", "RESTARTS", "RSS"
    );
    for r in rows {
        let state = serde_json::to_value(r.state)?;
        println!(
            "{:<24} {:<9} {:>8} {:>6} {:>9} {:>8} {:>9}  {}",
            r.slug,
            state.as_str().unwrap_or_default(),
            r.pid.map(|p| p.to_string()).unwrap_or_else(|| "-".into()),
            r.port,
            r.uptime_seconds
                .map(format_uptime)
                .unwrap_or_else(|| "-".into()),
            r.restarts,
            r.rss_kib
                .map(|k| format!("{:.1} MB", k as f64 / 1024.0))
                .unwrap_or_else(|| "-".into()),
            r.last_exit.unwrap_or_default()
        );
    }
    Ok(())
}

fn format_uptime(seconds: u64) -> String {
    match seconds {
        s if s < 60 => format!("{s}s"),
        s if s < 3600 => format!("{}m{:02}s", s / 60, s % 60),
        s => format!("{}h{:02}m", s / 3600, (s % 3600) / 60),
    }
}

fn read_password_stdin() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("password: ");
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("reading the password from standard input")?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        bail!("no password on standard input");
    }
    Ok(password)
}

fn serve(manifest_path: &Path, slug: &str) -> anyhow::Result<()> {
    let (manifest, tenant) = provision::load_tenant(manifest_path, slug)?;
    if !tenant.enabled {
        bail!("tenant {slug} is disabled in {}", manifest_path.display());
    }
    let state = web::state::AppState::open(&manifest, tenant.clone())?;
    let listener = TcpListener::bind(("127.0.0.1", tenant.port))
        .with_context(|| format!("binding 127.0.0.1:{}", tenant.port))?;
    tracing::info!(tenant = %tenant.slug, "serving http://{}:{}/", state.host, tenant.port);
    actix_web::rt::System::new().block_on(web::run(state, listener))
}
