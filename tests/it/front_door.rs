//! The launcher's front door against hostile and careless clients, with the real binary: the
//! client address behind trusted proxies, slow clients, the connection cap, and running out
//! of file descriptors.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tourdesk::domain::access::Role;
use tourdesk::launcher::state::TenantState;
use tourdesk::manifest::{LauncherSection, Locked, Manifest};
use tourdesk::provision::{self, NewStaff};

use crate::harness::{binary, csrf_in};
use crate::launcher::{Fleet, READY, signal};

fn set_launcher(fleet: &Fleet, change: impl FnOnce(&mut LauncherSection)) {
    let mut locked = Locked::acquire(&fleet.manifest()).expect("locking the manifest");
    change(&mut locked.manifest.launcher);
    locked.save().expect("saving the manifest");
}

fn add_user(fleet: &Fleet, slug: &str, email: &str, password: &str) {
    let manifest = Manifest::load(&fleet.manifest()).expect("manifest");
    let tenant = manifest.tenant(&fleet.manifest(), slug).expect("tenant");
    provision::add_user(
        &tenant,
        &NewStaff {
            email,
            role: Role::Manager,
            display_name: Some("Manager"),
            password,
        },
    )
    .expect("adding a user");
}

/// A client of the front door for `slug`, keeping cookies, not following redirects.
fn client(fleet: &Fleet, slug: &str) -> (reqwest::Client, String) {
    let host = format!("{slug}.localhost");
    let addr: SocketAddr = ([127, 0, 0, 1], fleet.port).into();
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .resolve(&host, addr)
        .build()
        .expect("client");
    (client, format!("http://{host}:{}", fleet.port))
}

async fn sign_in(
    client: &reqwest::Client,
    base: &str,
    forwarded: (&str, &str),
    email: &str,
    password: &str,
) -> reqwest::Response {
    let page = client
        .get(format!("{base}/sign-in"))
        .send()
        .await
        .expect("GET /sign-in")
        .text()
        .await
        .expect("body");
    let csrf = csrf_in(&page).expect("a CSRF token");
    client
        .post(format!("{base}/sign-in"))
        .header("x-forwarded-for", forwarded.0)
        .header("x-forwarded-proto", forwarded.1)
        .form(&[
            ("email", email),
            ("password", password),
            ("csrf_token", &csrf),
        ])
        .send()
        .await
        .expect("POST /sign-in")
}

/// The client addresses of the tenant's audit rows with `action`, oldest first.
fn audited_addresses(fleet: &Fleet, slug: &str, action: &str) -> Vec<String> {
    let manifest = Manifest::load(&fleet.manifest()).expect("manifest");
    let tenant = manifest.tenant(&fleet.manifest(), slug).expect("tenant");
    let mut conn = provision::open(&tenant).expect("tenant database");
    let filter = tourdesk::db::audit::Filter {
        action: Some(action.to_owned()),
        limit: 1000,
        ..Default::default()
    };
    let mut rows: Vec<String> = tourdesk::db::audit::list(&mut conn, &filter)
        .expect("audit")
        .0
        .into_iter()
        .filter(|r| r.action == action)
        .filter_map(|r| r.client_addr)
        .collect();
    rows.reverse();
    rows
}

fn is_secure_cookie(res: &reqwest::Response, name_prefix: &str) -> Option<bool> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(name_prefix))
        .map(|c| {
            c.split(';')
                .any(|part| part.trim().eq_ignore_ascii_case("secure"))
        })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_each_client_is_itself() {
    let (mut fleet, slugs) = Fleet::new(1);
    let slug = slugs[0].clone();
    set_launcher(&fleet, |l| {
        l.trusted_proxies = vec!["127.0.0.1".into(), "::1".into()];
    });
    add_user(&fleet, &slug, "boss@test.local", "boss-password-1");
    fleet.launch();
    tokio::task::block_in_place(|| fleet.wait_for(&slug, TenantState::Running, READY));

    // Twenty-one failures from one client behind the proxy throttle that client only.
    let (attacker, base) = client(&fleet, &slug);
    let mut statuses = Vec::new();
    for i in 0..21 {
        let res = sign_in(
            &attacker,
            &base,
            ("198.51.100.1, 203.0.113.9", "https"),
            &format!("nobody{i}@test.local"),
            "wrong-password",
        )
        .await;
        statuses.push(res.status().as_u16());
    }
    assert_eq!(statuses[..20], [401; 20]);
    assert_eq!(statuses[20], 429, "the client's address is throttled");

    let (office, base) = client(&fleet, &slug);
    let res = sign_in(
        &office,
        &base,
        ("198.51.100.7", "https"),
        "boss@test.local",
        "boss-password-1",
    )
    .await;
    assert_eq!(res.status(), 303, "another client is not locked out");
    assert_eq!(
        is_secure_cookie(&res, &format!("td_{slug}=")),
        Some(true),
        "https at the proxy makes the session cookie Secure"
    );
    // A Secure cookie is not sent back over plain http: the test plays the TLS proxy.
    let session = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(&format!("td_{slug}=")))
        .and_then(|c| c.split(';').next())
        .unwrap_or_default()
        .to_owned();
    let home = office
        .get(format!("{base}/"))
        .header("cookie", &session)
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .expect("GET /")
        .text()
        .await
        .expect("body");
    let csrf = csrf_in(&home).expect("a CSRF token");
    let res = office
        .post(format!("{base}/sign-out"))
        .header("cookie", &session)
        .header("x-forwarded-for", "198.51.100.7")
        .header("x-forwarded-proto", "https")
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .expect("POST /sign-out");
    assert_eq!(res.status(), 303);
    assert_eq!(
        is_secure_cookie(&res, &format!("td_{slug}_flash=")),
        Some(true),
        "the flash cookie is Secure over https"
    );

    let failed = audited_addresses(&fleet, &slug, "sign-in.failed");
    assert_eq!(failed.len(), 20);
    assert!(failed.iter().all(|a| a == "203.0.113.9"), "{failed:?}");
    assert_eq!(
        audited_addresses(&fleet, &slug, "sign-in"),
        ["198.51.100.7"]
    );

    // With no trusted proxy (reloaded), the peer is the client whatever it says.
    set_launcher(&fleet, |l| l.trusted_proxies.clear());
    signal(fleet.launcher_pid(), libc::SIGHUP);
    let (visitor, base) = client(&fleet, &slug);
    let started = Instant::now();
    loop {
        let res = sign_in(
            &visitor,
            &base,
            ("192.0.2.55", "https"),
            "someone@test.local",
            "wrong-password",
        )
        .await;
        assert_eq!(res.status(), 401);
        let last = audited_addresses(&fleet, &slug, "sign-in.failed")
            .pop()
            .unwrap_or_default();
        if last == "127.0.0.1" {
            break;
        }
        assert_eq!(
            last, "192.0.2.55",
            "before the reload the proxy was trusted"
        );
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the reload did not take effect"
        );
    }
}

/// Reads from `stream` until EOF or a response arrives: `Some(bytes)` then, `None` when the
/// read timed out first.
fn read_some(stream: &mut TcpStream, timeout: Duration) -> Option<Vec<u8>> {
    let _ = stream.set_read_timeout(Some(timeout));
    let mut buf = vec![0u8; 4096];
    match stream.read(&mut buf) {
        Ok(n) => Some(buf[..n].to_vec()),
        Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => None,
        Err(_) => Some(Vec::new()),
    }
}

#[test]
fn slow_clients_are_cut_off_and_never_hold_more_than_the_cap() {
    let (mut fleet, slugs) = Fleet::new(1);
    let slug = slugs[0].clone();
    set_launcher(&fleet, |l| {
        l.max_connections = 2;
        l.header_timeout_seconds = 2;
    });
    fleet.launch();
    fleet.wait_for(&slug, TenantState::Running, READY);
    // `wait_for` polls through the control socket, not the front door: the door is idle.
    let connect = || {
        let mut s = TcpStream::connect(("127.0.0.1", fleet.port)).expect("connecting");
        s.write_all(format!("GET /healthz HTTP/1.1\r\nHost: {slug}.localhost\r\n").as_bytes())
            .expect("writing");
        s
    };
    let mut slow_a = connect();
    let mut slow_b = connect();
    let mut waiting = TcpStream::connect(("127.0.0.1", fleet.port)).expect("connecting");
    waiting
        .write_all(
            format!("GET /healthz HTTP/1.1\r\nHost: {slug}.localhost\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
        .expect("writing");
    assert_eq!(
        read_some(&mut waiting, Duration::from_millis(500)),
        None,
        "a third connection waits while two are held"
    );
    for slow in [&mut slow_a, &mut slow_b] {
        let got = read_some(slow, Duration::from_secs(20)).expect("the slow client is cut off");
        let text = String::from_utf8_lossy(&got);
        assert!(
            got.is_empty() || text.starts_with("HTTP/1.1 408"),
            "a slow client gets nothing or 408: {text}"
        );
    }
    let answer = read_some(&mut waiting, Duration::from_secs(20)).unwrap_or_default();
    assert!(
        String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 200"),
        "the waiting request is served once the slow ones are gone: {}",
        String::from_utf8_lossy(&answer)
    );
}

#[test]
fn running_out_of_file_descriptors_neither_floods_the_log_nor_stops_the_office() {
    let (mut fleet, slugs) = Fleet::new(1);
    let slug = slugs[0].clone();
    set_launcher(&fleet, |l| l.header_timeout_seconds = 1);
    let log_path = fleet.dir.path().join("launcher.log");
    let log = std::fs::File::create(&log_path).expect("log file");
    let mut command = Command::new(binary());
    command
        .arg("--manifest")
        .arg(fleet.manifest())
        .args(["launch", "--listen", &format!("127.0.0.1:{}", fleet.port)])
        .env("TOURDESK_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::from(log));
    // SAFETY: setrlimit(2) between fork and exec, on the child only.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 256,
                rlim_max: 256,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    fleet.launcher = Some(command.spawn().expect("starting the launcher"));
    fleet.wait_for(&slug, TenantState::Running, READY);

    // More silent connections than the launcher has descriptors.
    let flood: Vec<TcpStream> = (0..400)
        .filter_map(|_| TcpStream::connect(("127.0.0.1", fleet.port)).ok())
        .collect();
    assert!(flood.len() > 300, "{} connections opened", flood.len());
    let started = Instant::now();
    let mut answered = false;
    while started.elapsed() < Duration::from_secs(60) {
        let (status, _) = fleet.get(&slug, "/healthz");
        if status == 200 {
            answered = true;
            break;
        }
    }
    drop(flood);
    assert!(answered, "the tenant stayed unreachable behind the flood");
    let (status, _) = fleet.get(&slug, "/healthz");
    assert_eq!(status, 200);
    let lines = std::fs::read_to_string(&log_path)
        .unwrap_or_default()
        .lines()
        .count();
    assert!(lines < 100, "the launcher wrote {lines} log lines");
}
