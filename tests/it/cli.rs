//! Process-level tests: the real `tourdesk` binary provisioning and serving tenants.

use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{binary, csrf_in, pg_base_url, unique_slug};

struct Cli {
    dir: tempfile::TempDir,
    pg_urls: Vec<String>,
}

impl Cli {
    fn new() -> Cli {
        Cli {
            dir: tempfile::tempdir().expect("temporary directory"),
            pg_urls: Vec::new(),
        }
    }

    fn manifest(&self) -> PathBuf {
        self.dir.path().join("tenants.toml")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(binary())
            .arg("--manifest")
            .arg(self.manifest())
            .args(args)
            .env("TOURDESK_LOG", "warn")
            .output()
            .expect("running tourdesk")
    }

    fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Output {
        let mut child = Command::new(binary())
            .arg("--manifest")
            .arg(self.manifest())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("running tourdesk");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
            .expect("writing stdin");
        child.wait_with_output().expect("waiting for tourdesk")
    }

    /// `tenant new` with a free port and, when the suite runs on PostgreSQL, a fresh database.
    fn new_tenant(&mut self, slug: &str) -> (u16, Output) {
        self.new_tenant_with(slug, "en", &[])
    }

    /// `tenant new` in `locale` with `extra` arguments, as [`Cli::new_tenant`].
    fn new_tenant_with(&mut self, slug: &str, locale: &str, extra: &[&str]) -> (u16, Output) {
        let port = free_port();
        let port_text = port.to_string();
        let mut args = vec![
            "tenant",
            "new",
            slug,
            "--name",
            "Agency",
            "--base-currency",
            "THB",
            "--locale",
            locale,
            "--port",
            &port_text,
        ];
        args.extend_from_slice(extra);
        let url;
        if let Some(base) = pg_base_url() {
            url = format!("{base}/td_{slug}");
            self.pg_urls.push(url.clone());
            args.extend(["--database-url", url.as_str()]);
        }
        (port, self.run(&args))
    }

    fn serve(&self, slug: &str) -> Server {
        let child = Command::new(binary())
            .arg("--manifest")
            .arg(self.manifest())
            .args(["serve", "--tenant", slug])
            .env("TOURDESK_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting tourdesk serve");
        Server(child)
    }
}

impl Drop for Cli {
    fn drop(&mut self) {
        for url in self.pg_urls.drain(..) {
            if let Err(e) = tourdesk::db::backend::drop_postgres_database(&url) {
                eprintln!("could not drop a test database: {e:#}");
            }
        }
    }
}

/// A running `tourdesk serve`, killed when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn client(slug: &str, port: u16) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .resolve(&format!("{slug}.localhost"), ([127, 0, 0, 1], port).into())
        .build()
        .expect("client")
}

async fn wait_ready(slug: &str, port: u16) {
    let started = Instant::now();
    let client = client(slug, port);
    while started.elapsed() < Duration::from_secs(30) {
        if let Ok(res) = client
            .get(format!("http://{slug}.localhost:{port}/readyz"))
            .send()
            .await
            && res.status() == 200
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("tenant {slug} did not become ready on port {port}");
}

async fn try_sign_in(slug: &str, port: u16, email: &str, password: &str) -> reqwest::Response {
    let client = client(slug, port);
    let base = format!("http://{slug}.localhost:{port}");
    let page = client
        .get(format!("{base}/sign-in"))
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    let csrf = csrf_in(&page).expect("csrf token");
    client
        .post(format!("{base}/sign-in"))
        .form(&[
            ("email", email),
            ("password", password),
            ("csrf_token", &csrf),
        ])
        .send()
        .await
        .expect("POST /sign-in")
}

fn exists(path: &Path) -> bool {
    path.exists()
}

#[tokio::test]
async fn tenant_new_provisions_and_refuses_bad_input_leaving_nothing() {
    let mut cli = Cli::new();
    let slug = unique_slug();
    let (_, out) = cli.new_tenant(&slug);
    assert!(out.status.success(), "{}", text(&out));
    let printed = text(&out);
    assert!(
        printed.contains(&format!("admin@{slug}.local")) && printed.contains("password:"),
        "{printed}"
    );
    let listed = text(&cli.run(&["tenant", "list"]));
    assert!(listed.contains(&slug), "{listed}");
    let manifest_before = std::fs::read_to_string(cli.manifest()).expect("manifest");

    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec!["Bad_Slug".into()], "slug"),
        (vec!["admin".into()], "reserved"),
        (vec!["edge-".into()], "slug"),
        (vec![slug.clone()], "already exists"),
    ];
    for (slug_args, expected) in cases {
        let mut args = vec!["tenant", "new"];
        args.extend(slug_args.iter().map(String::as_str));
        args.extend(["--name", "X", "--base-currency", "THB", "--locale", "en"]);
        let out = cli.run(&args);
        assert!(!out.status.success());
        assert!(text(&out).contains(expected), "{args:?}: {}", text(&out));
    }
    let other = unique_slug();
    let out = cli.run(&[
        "tenant",
        "new",
        &other,
        "--name",
        "X",
        "--base-currency",
        "XBZ",
        "--locale",
        "en",
    ]);
    assert!(
        !out.status.success() && text(&out).contains("unknown currency"),
        "{}",
        text(&out)
    );
    for not_money in ["XXX", "XAU", "XTS"] {
        let out = cli.run(&[
            "tenant",
            "new",
            &other,
            "--name",
            "X",
            "--base-currency",
            not_money,
            "--locale",
            "en",
        ]);
        assert!(
            !out.status.success() && text(&out).contains("not a currency of payment"),
            "{not_money}: {}",
            text(&out)
        );
    }
    let out = cli.run(&[
        "tenant",
        "new",
        &other,
        "--name",
        "X",
        "--base-currency",
        "VND",
        "--locale",
        "fr",
    ]);
    assert!(
        !out.status.success() && text(&out).contains("unknown locale"),
        "{}",
        text(&out)
    );
    let out = cli.run(&[
        "tenant",
        "new",
        &other,
        "--name",
        "X",
        "--base-currency",
        "VND",
        "--locale",
        "vi",
        "--database-url",
        "mysql://x/y",
    ]);
    assert!(
        !out.status.success() && text(&out).contains("unsupported database URL"),
        "{}",
        text(&out)
    );
    assert!(
        !exists(&cli.dir.path().join(&other)),
        "a failed tenant new left its data directory"
    );
    assert_eq!(
        std::fs::read_to_string(cli.manifest()).expect("manifest"),
        manifest_before
    );
}

#[cfg(feature = "postgres")]
#[tokio::test]
async fn an_unreachable_postgres_server_is_reported_truthfully() {
    let cli = Cli::new();
    let slug = unique_slug();
    let out = cli.run(&[
        "tenant",
        "new",
        &slug,
        "--name",
        "X",
        "--base-currency",
        "THB",
        "--locale",
        "en",
        "--database-url",
        "postgres://postgres@127.0.0.1:1/td_nowhere",
    ]);
    assert!(!out.status.success());
    let said = text(&out);
    assert!(
        said.contains("connect") || said.contains("Connection refused"),
        "{said}"
    );
    assert!(!said.contains("Invalid connection url"), "{said}");
    assert!(!exists(&cli.dir.path().join(&slug)));
}

#[tokio::test]
async fn throttling_holds_across_a_restart_and_reset_password_clears_it() {
    let mut cli = Cli::new();
    let slug = unique_slug();
    let (port, out) = cli.new_tenant(&slug);
    assert!(out.status.success(), "{}", text(&out));
    let out = cli.run_with_stdin(
        &[
            "tenant",
            "user",
            "add",
            &slug,
            "ops@test.local",
            "--role",
            "operations",
            "--name",
            "Ops",
            "--password-stdin",
        ],
        "ops-password-123\n",
    );
    assert!(out.status.success(), "{}", text(&out));

    let server = cli.serve(&slug);
    wait_ready(&slug, port).await;
    assert_eq!(
        try_sign_in(&slug, port, "ops@test.local", "ops-password-123")
            .await
            .status(),
        303
    );
    for _ in 0..5 {
        assert_eq!(
            try_sign_in(&slug, port, "ops@test.local", "wrong-password")
                .await
                .status(),
            401
        );
    }
    drop(server);

    let server = cli.serve(&slug);
    wait_ready(&slug, port).await;
    let res = try_sign_in(&slug, port, "ops@test.local", "ops-password-123").await;
    assert_eq!(
        res.status(),
        429,
        "the throttle was forgotten by the restart"
    );

    let out = cli.run(&["tenant", "user", "reset-password", &slug, "ops@test.local"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = text(&out);
    let one_time = said
        .lines()
        .find_map(|l| l.strip_prefix("one-time password for ops@test.local: "))
        .expect("the one-time password")
        .trim()
        .to_owned();
    let res = try_sign_in(&slug, port, "ops@test.local", &one_time).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers().get("location").and_then(|l| l.to_str().ok()),
        Some("/account/password")
    );
    drop(server);
}

#[tokio::test]
async fn serve_refuses_another_tenants_database_and_a_stale_schema() {
    let mut cli = Cli::new();
    let (a, b) = (unique_slug(), unique_slug());
    assert!(cli.new_tenant(&a).1.status.success());
    assert!(cli.new_tenant(&b).1.status.success());
    let manifest = std::fs::read_to_string(cli.manifest()).expect("manifest");
    let a_url = tourdesk::manifest::Manifest::load(&cli.manifest())
        .expect("load")
        .tenant(&cli.manifest(), &a)
        .expect("a")
        .database_url;

    // Point b at a's database: b must refuse to open it.
    let mut edited: tourdesk::manifest::Manifest = toml::from_str(&manifest).expect("parse");
    edited.tenants.get_mut(&b).expect("b").database_url = Some(a_url);
    std::fs::write(cli.manifest(), toml::to_string(&edited).expect("toml")).expect("write");
    let out = cli.run(&["serve", "--tenant", &b]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains(&format!("belongs to tenant {a}")),
        "{}",
        text(&out)
    );
    std::fs::write(cli.manifest(), &manifest).expect("restore");

    // Forget the applied migrations: serve must refuse and name the command to run.
    let tenant = tourdesk::manifest::Manifest::load(&cli.manifest())
        .expect("load")
        .tenant(&cli.manifest(), &a)
        .expect("a");
    {
        use diesel::prelude::*;
        let mut conn = tourdesk::provision::open(&tenant).expect("open");
        diesel::sql_query("DELETE FROM __diesel_schema_migrations")
            .execute(&mut conn)
            .expect("forget migrations");
    }
    let out = cli.run(&["serve", "--tenant", &a]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains(&format!("tourdesk tenant migrate {a}")),
        "{}",
        text(&out)
    );
}

#[tokio::test]
async fn names_the_launcher_keeps_beside_the_manifest_are_refused_as_slugs() {
    let mut cli = Cli::new();
    // A first tenant, and a backup of it: what `tenant remove backups` would have deleted.
    let first = unique_slug();
    let (_, out) = cli.new_tenant(&first);
    assert!(out.status.success(), "{}", text(&out));
    let out = cli.run(&["tenant", "backup", &first]);
    assert!(out.status.success(), "{}", text(&out));
    let mut locked = tourdesk::manifest::Locked::acquire(&cli.manifest()).expect("lock");
    locked.manifest.launcher.run_dir = "state".into();
    locked.save().expect("save");
    drop(locked);
    let manifest_before = std::fs::read_to_string(cli.manifest()).expect("manifest");
    for (slug, expected) in [
        ("backups", "reserved"),
        ("run", "reserved"),
        ("state", "run directory"),
    ] {
        let (_, out) = cli.new_tenant(slug);
        assert!(!out.status.success(), "{slug} was accepted");
        assert!(text(&out).contains(expected), "{slug}: {}", text(&out));
    }
    assert_eq!(
        std::fs::read_to_string(cli.manifest()).expect("manifest"),
        manifest_before
    );
    let backups: Vec<_> = std::fs::read_dir(cli.dir.path().join("backups"))
        .expect("backups")
        .collect();
    assert_eq!(backups.len(), 1, "the backup is still there");
    assert!(!exists(&cli.dir.path().join("state")));
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .map(|m| m.permissions().mode() & 0o777)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[cfg(unix)]
#[tokio::test]
async fn tenant_data_is_readable_by_its_account_only() {
    use std::os::unix::fs::PermissionsExt;
    let mut cli = Cli::new();
    let slug = unique_slug();
    let (port, out) = cli.new_tenant(&slug);
    assert!(out.status.success(), "{}", text(&out));
    let data = cli.dir.path().join(&slug);
    let server = cli.serve(&slug);
    wait_ready(&slug, port).await;
    let res = try_sign_in(&slug, port, "admin@x.local", "wrong-password").await;
    assert_eq!(res.status(), 401, "a write through the server");
    drop(server);
    let out = cli.run(&["tenant", "backup", &slug]);
    assert!(out.status.success(), "{}", text(&out));
    let backups = cli.dir.path().join("backups");
    let backup = std::fs::read_dir(&backups)
        .expect("backups")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .next()
        .expect("a backup file");

    let mut files = vec![data.join("session.key"), backup.clone()];
    if pg_base_url().is_none() {
        files.push(data.join("tourdesk.db"));
        for side in ["tourdesk.db-wal", "tourdesk.db-shm"] {
            if exists(&data.join(side)) {
                files.push(data.join(side));
            }
        }
    }
    let dirs = [data.clone(), data.join("exports"), backups.clone()];
    for d in &dirs {
        assert_eq!(mode(d), 0o700, "{}", d.display());
    }
    for f in &files {
        assert_eq!(mode(f), 0o600, "{}", f.display());
    }

    // Data made before this rule: `tenant migrate` tightens it.
    for d in &dirs {
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    for f in &files {
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    let out = cli.run(&["tenant", "migrate", &slug]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("readable by this account only"),
        "{}",
        text(&out)
    );
    for d in &dirs {
        assert_eq!(mode(d), 0o700, "{}", d.display());
    }
    for f in &files {
        assert_eq!(mode(f), 0o600, "{}", f.display());
    }
}

/// The time zone stored in tenant `slug`'s database.
fn stored_time_zone(cli: &Cli, slug: &str) -> Option<String> {
    let (_, tenant) = tourdesk::provision::load_tenant(&cli.manifest(), slug).expect("tenant");
    let mut conn = tourdesk::provision::open(&tenant).expect("opening the tenant");
    tourdesk::db::settings::time_zone(&mut conn)
        .expect("reading the time zone")
        .map(|z| z.name().to_owned())
}

#[tokio::test]
async fn tenant_new_sets_the_time_zone_and_refuses_an_unknown_one_leaving_nothing() {
    let mut cli = Cli::new();
    let slug = unique_slug();
    let (_, out) = cli.new_tenant_with(&slug, "en", &["--time-zone", "Asia/Bangkk"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("unknown time zone \"Asia/Bangkk\""),
        "{}",
        text(&out)
    );
    assert!(!exists(&cli.dir.path().join(&slug)), "no data directory");
    let manifest = std::fs::read_to_string(cli.manifest()).unwrap_or_default();
    assert!(!manifest.contains(&slug), "{manifest}");

    // Any case of an IANA name is taken, and stored as IANA writes it.
    let (_, out) = cli.new_tenant_with(&slug, "en", &["--time-zone", "asia/ho_chi_minh"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("time zone: Asia/Ho_Chi_Minh"),
        "{}",
        text(&out)
    );
    assert_eq!(
        stored_time_zone(&cli, &slug).as_deref(),
        Some("Asia/Ho_Chi_Minh")
    );

    // Without the flag, the zone of the language's country.
    let chinese = unique_slug();
    let (_, out) = cli.new_tenant_with(&chinese, "zh-CN", &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("time zone: Asia/Shanghai"),
        "{}",
        text(&out)
    );
    assert_eq!(
        stored_time_zone(&cli, &chinese).as_deref(),
        Some("Asia/Shanghai")
    );
}
