//! Process-level tests of `tourdesk launch` with the real binary: supervision, the front door,
//! reloads, shutdown, and backups.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use tourdesk::launcher::state::{TenantState, TenantStatus};

use crate::harness::{binary, provision_in, unique_slug};

/// A temporary manifest with tenants, and the launcher running it.
pub struct Fleet {
    pub dir: tempfile::TempDir,
    pub port: u16,
    pub launcher: Option<Child>,
    pg_urls: Vec<String>,
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Fleet {
    pub fn new(tenants: usize) -> (Fleet, Vec<String>) {
        let mut fleet = Fleet {
            dir: tempfile::tempdir().expect("tempdir"),
            port: free_port(),
            launcher: None,
            pg_urls: Vec::new(),
        };
        let slugs = (0..tenants).map(|_| fleet.add_tenant()).collect();
        (fleet, slugs)
    }

    pub fn manifest(&self) -> PathBuf {
        self.dir.path().join("tenants.toml")
    }

    pub fn add_tenant(&mut self) -> String {
        let slug = unique_slug();
        let (_, _, pg) = provision_in(self.dir.path(), &slug, free_port());
        self.pg_urls.extend(pg);
        slug
    }

    pub fn cli(&self, args: &[&str]) -> Output {
        Command::new(binary())
            .arg("--manifest")
            .arg(self.manifest())
            .args(args)
            .env("TOURDESK_LOG", "warn")
            .output()
            .expect("running tourdesk")
    }

    pub fn launch(&mut self) {
        let child = Command::new(binary())
            .arg("--manifest")
            .arg(self.manifest())
            .args(["launch", "--listen", &format!("127.0.0.1:{}", self.port)])
            .env("TOURDESK_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting the launcher");
        self.launcher = Some(child);
    }

    pub fn launcher_pid(&self) -> i32 {
        self.launcher
            .as_ref()
            .map(|c| c.id() as i32)
            .expect("a running launcher")
    }

    pub fn status(&self) -> Vec<TenantStatus> {
        let out = self.cli(&["status", "--json"]);
        if !out.status.success() {
            return Vec::new();
        }
        serde_json::from_slice(&out.stdout).unwrap_or_default()
    }

    pub fn tenant(&self, slug: &str) -> Option<TenantStatus> {
        self.status().into_iter().find(|t| t.slug == slug)
    }

    /// Waits until `slug` is in `state`, or panics with what the launcher last said.
    pub fn wait_for(&self, slug: &str, state: TenantState, within: Duration) -> TenantStatus {
        let started = Instant::now();
        let mut last = None;
        while started.elapsed() < within {
            if let Some(t) = self.tenant(slug) {
                if t.state == state {
                    return t;
                }
                last = Some(t);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("{slug} did not reach {state:?} within {within:?}; last: {last:?}");
    }

    /// GET through the front door with the Host of `slug`: (status, body).
    pub fn get(&self, slug: &str, path: &str) -> (u16, String) {
        self.get_host(&format!("{slug}.localhost:{}", self.port), path)
    }

    pub fn get_host(&self, host: &str, path: &str) -> (u16, String) {
        self.get_host_in(host, path, "en")
    }

    /// GET with `Accept-Language: language`.
    pub fn get_host_in(&self, host: &str, path: &str, language: &str) -> (u16, String) {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) else {
            return (0, String::new());
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
        let request = format!(
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Language: {language}\r\nConnection: close\r\n\r\n"
        );
        if stream.write_all(request.as_bytes()).is_err() {
            return (0, String::new());
        }
        let mut response = String::new();
        let _ = stream.read_to_string(&mut response);
        let status = response
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, response)
    }
}

impl Drop for Fleet {
    fn drop(&mut self) {
        if let Some(mut child) = self.launcher.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        for url in self.pg_urls.drain(..) {
            // The tenants die with the launcher; give them a moment to close their connections.
            let _ = tourdesk::db::backend::drop_postgres_database(&url);
        }
    }
}

pub fn signal(pid: i32, sig: libc::c_int) {
    // SAFETY: kill(2) on a process this test started.
    unsafe {
        libc::kill(pid, sig);
    }
}

fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| s.split_whitespace().nth(2).is_none_or(|state| state != "Z"))
        .unwrap_or(false)
}

/// How long a tenant may take to become ready: generous, as the whole suite runs at once on two
/// cores.
pub const READY: Duration = Duration::from_secs(60);

#[test]
fn a_killed_tenant_is_restarted_while_the_others_keep_serving() {
    let (mut fleet, slugs) = Fleet::new(2);
    fleet.launch();
    let (a, b) = (&slugs[0], &slugs[1]);
    let first = fleet.wait_for(a, TenantState::Running, READY);
    fleet.wait_for(b, TenantState::Running, READY);
    let (status, body) = fleet.get(a, "/sign-in");
    assert_eq!(status, 200);
    assert!(
        body.contains(&format!("Test agency {a}")),
        "routed to the wrong tenant"
    );
    assert!(
        fleet
            .get(b, "/sign-in")
            .1
            .contains(&format!("Test agency {b}"))
    );

    signal(first.pid.expect("pid") as i32, libc::SIGKILL);
    let started = Instant::now();
    let mut other_failures = 0;
    let mut back = false;
    let mut saw_503 = false;
    while started.elapsed() < READY {
        if fleet.get(b, "/healthz").0 != 200 {
            other_failures += 1;
        }
        let (status, response) = fleet.get(a, "/healthz");
        if status == 200 {
            back = true;
            break;
        }
        assert_eq!(status, 503, "while restarting: {response:.300}");
        assert!(
            response.to_ascii_lowercase().contains("retry-after: 5"),
            "{response:.300}"
        );
        saw_503 = true;
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(back, "the killed tenant did not come back");
    assert!(
        saw_503,
        "the restart (backoff of about a second) was never seen as a 503"
    );
    assert_eq!(
        other_failures, 0,
        "the other tenant failed while one was restarting"
    );
    let restarted = fleet.tenant(a).expect("status");
    assert_eq!(restarted.restarts, 1);
    assert_ne!(restarted.pid, first.pid);
    assert_eq!(restarted.last_exit.as_deref(), Some("killed by signal 9"));
}

#[test]
fn a_tenant_that_dies_at_once_backs_off_then_fails_alone() {
    let (mut fleet, slugs) = Fleet::new(2);
    let (bad, good) = (&slugs[0], &slugs[1]);
    let key = fleet.dir.path().join(bad).join("session.key");
    let secret = std::fs::read_to_string(&key).expect("key");
    std::fs::remove_file(&key).expect("remove the key");
    fleet.launch();
    fleet.wait_for(good, TenantState::Running, READY);
    let started = Instant::now();
    let mut saw_backoff = false;
    let failed = loop {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the breaker never tripped"
        );
        assert_eq!(
            fleet.get(good, "/healthz").0,
            200,
            "the healthy tenant suffered"
        );
        let t = fleet.tenant(bad).expect("status");
        saw_backoff |= t.state == TenantState::Backoff;
        if t.state == TenantState::Failed {
            break t;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(saw_backoff);
    assert!(failed.restarts >= 5, "{failed:?}");
    assert!(
        started.elapsed() >= Duration::from_secs(10),
        "no backoff between restarts: {:?}",
        started.elapsed()
    );
    let (status, body) = fleet.get(bad, "/");
    assert_eq!(status, 503);
    assert!(body.contains("unavailable"));

    std::fs::write(&key, secret).expect("restore the key");
    let out = fleet.cli(&["tenant", "restart", bad]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    fleet.wait_for(bad, TenantState::Running, READY);
    assert_eq!(fleet.get(bad, "/healthz").0, 200);
}

#[test]
fn sigterm_lets_slow_requests_finish_and_exits_zero() {
    let (mut fleet, slugs) = Fleet::new(1);
    fleet.launch();
    let slug = &slugs[0];
    fleet.wait_for(slug, TenantState::Running, READY);
    let tenant_pid = fleet.tenant(slug).and_then(|t| t.pid).expect("pid");

    // A sign-in whose body arrives slowly, across the SIGTERM.
    let (_, page) = fleet.get(slug, "/sign-in");
    let cookie = page
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .map(|c| c.split(';').next().unwrap_or_default().to_owned())
        .expect("pre-session cookie");
    let csrf = crate::harness::csrf_in(&page).expect("csrf");
    let body = format!("email=a%40b.local&password=whatever-long&csrf_token={csrf}");
    let mut stream = TcpStream::connect(("127.0.0.1", fleet.port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let head = format!(
        "POST /sign-in HTTP/1.1\r\nHost: {slug}.localhost:{}\r\nCookie: {cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        fleet.port,
        body.len()
    );
    stream.write_all(head.as_bytes()).expect("head");
    stream.write_all(&body.as_bytes()[..10]).expect("part");
    std::thread::sleep(Duration::from_millis(300));
    signal(fleet.launcher_pid(), libc::SIGTERM);
    std::thread::sleep(Duration::from_millis(1500));
    stream.write_all(&body.as_bytes()[10..]).expect("rest");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("response");
    assert!(
        response.starts_with("HTTP/1.1 401"),
        "the in-flight request did not complete: {response:.200}"
    );

    let mut launcher = fleet.launcher.take().expect("launcher");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = launcher.try_wait().expect("wait") {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the launcher did not exit"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "launcher exit: {status:?}");
    assert!(
        !alive(tenant_pid),
        "a tenant outlived the launcher's shutdown"
    );
}

#[test]
fn no_tenant_survives_a_sigkill_of_the_launcher() {
    let (mut fleet, slugs) = Fleet::new(2);
    fleet.launch();
    let pids: Vec<u32> = slugs
        .iter()
        .map(|s| {
            fleet
                .wait_for(s, TenantState::Running, READY)
                .pid
                .expect("pid")
        })
        .collect();
    signal(fleet.launcher_pid(), libc::SIGKILL);
    let mut launcher = fleet.launcher.take().expect("launcher");
    let _ = launcher.wait();
    let started = Instant::now();
    while pids.iter().any(|p| alive(*p)) {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "tenant processes survived the launcher: {pids:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn reload_adds_disables_and_removes_tenants_without_touching_the_rest() {
    let (mut fleet, slugs) = Fleet::new(1);
    fleet.launch();
    let stay = &slugs[0];
    let before = fleet.wait_for(stay, TenantState::Running, READY);

    let added = unique_slug();
    let port = free_port().to_string();
    let out = fleet.cli(&[
        "tenant",
        "new",
        &added,
        "--name",
        "Added",
        "--base-currency",
        "EUR",
        "--locale",
        "en",
        "--port",
        &port,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    fleet.wait_for(&added, TenantState::Running, READY);
    assert_eq!(fleet.get(&added, "/healthz").0, 200);

    assert!(fleet.cli(&["tenant", "disable", &added]).status.success());
    fleet.wait_for(&added, TenantState::Disabled, Duration::from_secs(45));
    let (status, body) = fleet.get(&added, "/");
    assert_eq!(status, 503);
    assert!(body.contains("unavailable"));
    assert!(fleet.cli(&["tenant", "enable", &added]).status.success());
    fleet.wait_for(&added, TenantState::Running, READY);

    let refused = fleet.cli(&["tenant", "remove", &added]);
    assert!(!refused.status.success(), "remove ran without --yes");
    let out = fleet.cli(&["tenant", "remove", &added, "--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    let backup = said
        .split("final backup: ")
        .nth(1)
        .map(|s| PathBuf::from(s.trim()))
        .expect("backup path");
    assert!(backup.exists(), "{said}");
    let started = Instant::now();
    while fleet.tenant(&added).is_some() {
        assert!(
            started.elapsed() < Duration::from_secs(45),
            "removed tenant still listed"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(fleet.get(&added, "/").0, 404);
    assert!(
        !fleet.dir.path().join(&added).exists(),
        "the removed tenant's data stayed"
    );

    let after = fleet.tenant(stay).expect("status");
    assert_eq!(
        (after.pid, after.restarts),
        (before.pid, 0),
        "the untouched tenant was restarted"
    );
}

#[test]
fn the_front_door_routes_by_host_only() {
    let (mut fleet, slugs) = Fleet::new(2);
    fleet.launch();
    for s in &slugs {
        fleet.wait_for(s, TenantState::Running, READY);
    }
    let (status, body) = fleet.get_host(&format!("{}.LOCALHOST", slugs[1]), "/sign-in");
    assert_eq!(status, 200);
    assert!(body.contains(&format!("Test agency {}", slugs[1])));
    for host in [
        "nobody.localhost",
        "localhost",
        "example.com",
        &format!("{}.localhost.evil.example", slugs[0]),
    ] {
        let (status, body) = fleet.get_host(host, "/");
        assert_eq!(status, 404, "{host}");
        assert!(body.contains("Unknown agency"));
    }
    // The front door's own pages speak the browser's language.
    for (language, title) in [
        ("th-TH,th;q=0.9,en;q=0.5", "ไม่พบบริษัท"),
        ("zh-CN,zh;q=0.9", "未知的旅行社"),
        ("vi", "Không tìm thấy công ty"),
        ("fr-FR", "Unknown agency"),
    ] {
        let (status, body) = fleet.get_host_in("nobody.localhost", "/", language);
        assert_eq!(status, 404);
        assert!(body.contains(title), "{language}: {body}");
    }
    // A tenant reached on its own port with another tenant's Host refuses with 421.
    let port = fleet.tenant(&slugs[0]).map(|t| t.port).expect("port");
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let request = format!(
        "GET /sign-in HTTP/1.1\r\nHost: {}.localhost\r\nConnection: close\r\n\r\n",
        slugs[1]
    );
    stream.write_all(request.as_bytes()).expect("write");
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    assert!(response.starts_with("HTTP/1.1 421"), "{response:.100}");
    // The launcher's forwarded headers reach the tenant: its audit log names the client.
    let (status, _) = fleet.get(&slugs[0], "/sign-in");
    assert_eq!(status, 200);
}

#[test]
fn a_bad_manifest_is_refused_naming_the_line() {
    let (fleet, _) = Fleet::new(1);
    let text = std::fs::read_to_string(fleet.manifest()).expect("manifest");
    std::fs::write(
        fleet.manifest(),
        text.replace("heavy_job_slots = 0", "heavy_job_slots = 0\nlisen = \"x\""),
    )
    .expect("write");
    let out = fleet.cli(&["launch"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(said.contains("lisen") && said.contains("line "), "{said}");
    std::fs::write(fleet.manifest(), text.replace("port = ", "port = -")).expect("write");
    let out = fleet.cli(&["launch"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line "));
}

#[test]
fn a_backup_is_taken_while_serving_and_restored_only_when_stopped() {
    let (mut fleet, slugs) = Fleet::new(1);
    fleet.launch();
    let slug = &slugs[0];
    fleet.wait_for(slug, TenantState::Running, READY);
    let out_path = fleet.dir.path().join("b").join(format!("{slug}.backup"));
    let out = fleet.cli(&[
        "tenant",
        "backup",
        slug,
        "--out",
        out_path.to_str().expect("utf-8"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out_path.exists());
    let out = fleet.cli(&["tenant", "restore", slug, out_path.to_str().expect("utf-8")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is running"));
    assert!(fleet.cli(&["tenant", "disable", slug]).status.success());
    fleet.wait_for(slug, TenantState::Disabled, Duration::from_secs(45));
    let out = fleet.cli(&["tenant", "restore", slug, out_path.to_str().expect("utf-8")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let not_a_backup = fleet.dir.path().join("junk.db");
    std::fs::write(&not_a_backup, b"this is not a database").expect("junk");
    let out = fleet.cli(&[
        "tenant",
        "restore",
        slug,
        not_a_backup.to_str().expect("utf-8"),
    ]);
    assert!(!out.status.success());
    assert!(fleet.cli(&["tenant", "enable", slug]).status.success());
    fleet.wait_for(slug, TenantState::Running, READY);
}
