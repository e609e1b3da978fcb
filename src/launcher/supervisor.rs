//! One supervisor task per tenant: migrate, spawn `tourdesk serve`, wait for `/readyz`,
//! restart on death with exponential backoff and jitter, and trip the crash-loop breaker.
//!
//! **Invariant:** no tenant process outlives the launcher: each runs in its own process group
//! with `PR_SET_PDEATHSIG = SIGKILL`, set before `exec`, and `kill_on_drop`.

use http_body_util::Empty;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use rand::Rng;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::process::{ExitStatus, Stdio};
use std::time::{Duration, Instant, SystemTime};
use tokio::process::{Child, Command as Process};
use tokio::sync::mpsc;

use super::state::{self, Shared, TenantState};
use crate::manifest::Tenant;
use crate::provision;

/// Backoff starts here and doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_secs(1);
const MAX_BACKOFF: Duration = Duration::from_secs(60);
/// A process up this long has its backoff reset.
const STABLE_AFTER: Duration = Duration::from_secs(60);
/// This many deaths within [`BREAKER_WINDOW`] trip the breaker.
const BREAKER_DEATHS: usize = 5;
const BREAKER_WINDOW: Duration = Duration::from_secs(300);
/// Longer than the tenant's own 30-second drain.
pub const STOP_GRACE: Duration = Duration::from_secs(40);
/// A tenant not ready in this time is killed and counted as a death.
const READY_TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Stop the process and end the supervisor.
    Stop,
    /// Stop the process if it runs, clear the breaker, start afresh.
    Restart,
}

/// What a supervisor needs to run one tenant.
#[derive(Debug, Clone)]
pub struct Spec {
    pub tenant: Tenant,
    pub manifest_path: PathBuf,
    pub exe: PathBuf,
    /// The host name the tenant answers to, for the readiness probe.
    pub host: String,
}

pub struct Supervisor {
    pub tx: mpsc::UnboundedSender<Command>,
    pub task: tokio::task::JoinHandle<()>,
    pub spec: Spec,
}

pub fn spawn(spec: Spec, shared: Shared) -> Supervisor {
    let (tx, rx) = mpsc::unbounded_channel();
    let task = tokio::spawn(supervise(spec.clone(), shared, rx));
    Supervisor { tx, task, spec }
}

enum Ended {
    Exited { reason: String, uptime: Duration },
    Stopped,
    Restart,
}

async fn supervise(spec: Spec, shared: Shared, mut rx: mpsc::UnboundedReceiver<Command>) {
    let slug = spec.tenant.slug.to_string();
    let mut backoff = FIRST_BACKOFF;
    let mut deaths: VecDeque<Instant> = VecDeque::new();
    loop {
        let ended = match start(&spec, &shared).await {
            Ok(child) => watch(child, &spec, &shared, &mut rx).await,
            Err(reason) => Ended::Exited {
                reason,
                uptime: Duration::ZERO,
            },
        };
        match ended {
            Ended::Stopped => {
                state::update(&shared, &slug, |t| {
                    t.pid = None;
                    t.started = None;
                });
                return;
            }
            Ended::Restart => {
                backoff = FIRST_BACKOFF;
                deaths.clear();
                continue;
            }
            Ended::Exited { reason, uptime } => {
                tracing::warn!(tenant = %slug, "tenant process ended: {reason}");
                state::update(&shared, &slug, |t| {
                    t.pid = None;
                    t.started = None;
                    t.restarts += 1;
                    t.last_exit = Some(reason.clone());
                    t.last_exit_at = Some(SystemTime::now());
                });
                if uptime >= STABLE_AFTER {
                    backoff = FIRST_BACKOFF;
                }
                let now = Instant::now();
                deaths.push_back(now);
                while deaths
                    .front()
                    .is_some_and(|d| now.duration_since(*d) > BREAKER_WINDOW)
                {
                    deaths.pop_front();
                }
                if deaths.len() >= BREAKER_DEATHS {
                    tracing::error!(
                        tenant = %slug,
                        "TENANT FAILED: {} deaths within {} s; last: {reason}. \
                         Fix it, then run `tourdesk tenant restart {slug}`",
                        deaths.len(),
                        BREAKER_WINDOW.as_secs()
                    );
                    state::update(&shared, &slug, |t| t.state = TenantState::Failed);
                    match rx.recv().await {
                        Some(Command::Restart) => {
                            backoff = FIRST_BACKOFF;
                            deaths.clear();
                            continue;
                        }
                        Some(Command::Stop) | None => return,
                    }
                }
                state::update(&shared, &slug, |t| t.state = TenantState::Backoff);
                let delay = jitter(backoff);
                backoff = (backoff * 2).min(MAX_BACKOFF);
                tokio::select! {
                    _ = tokio::time::sleep(delay) => {}
                    cmd = rx.recv() => match cmd {
                        Some(Command::Restart) => {
                            backoff = FIRST_BACKOFF;
                            deaths.clear();
                        }
                        Some(Command::Stop) | None => return,
                    },
                }
            }
        }
    }
}

/// ±20 % around `base`, so that tenants that died together do not restart together.
fn jitter(base: Duration) -> Duration {
    let factor = rand::rng().random_range(0.8..1.2);
    base.mul_f64(factor)
}

/// Applies pending migrations, then spawns the tenant's `serve` process.
async fn start(spec: &Spec, shared: &Shared) -> Result<Child, String> {
    let slug = spec.tenant.slug.to_string();
    state::update(shared, &slug, |t| t.state = TenantState::Starting);
    let tenant = spec.tenant.clone();
    match tokio::task::spawn_blocking(move || provision::migrate(&tenant)).await {
        Ok(Ok(applied)) if !applied.is_empty() => {
            tracing::info!(tenant = %slug, "applied migrations {}", applied.join(", "));
        }
        Ok(Ok(_)) => {}
        Ok(Err(e)) => return Err(format!("migrations failed: {e:#}")),
        Err(e) => return Err(format!("migrations failed: {e}")),
    }
    let mut cmd = Process::new(&spec.exe);
    cmd.arg("--manifest")
        .arg(&spec.manifest_path)
        .args(["serve", "--tenant", &slug])
        .env("TOURDESK_LAUNCHED", "1")
        // Fewer malloc arenas keep an idle tenant's resident memory small.
        .env("MALLOC_ARENA_MAX", "2")
        .stdin(Stdio::null())
        .kill_on_drop(true)
        .process_group(0);
    let parent = std::process::id();
    // SAFETY: between fork and exec only async-signal-safe calls (prctl, getppid, _exit).
    unsafe {
        cmd.pre_exec(move || {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            // The launcher may have died between fork and prctl.
            if libc::getppid() as u32 != parent {
                libc::_exit(1);
            }
            Ok(())
        });
    }
    let child = cmd
        .spawn()
        .map_err(|e| format!("spawning {}: {e}", spec.exe.display()))?;
    let pid = child.id();
    state::update(shared, &slug, |t| {
        t.pid = pid;
        t.started = Some(Instant::now());
    });
    Ok(child)
}

/// Waits for the child to become ready, to die, or to be told to stop.
async fn watch(
    mut child: Child,
    spec: &Spec,
    shared: &Shared,
    rx: &mut mpsc::UnboundedReceiver<Command>,
) -> Ended {
    let slug = spec.tenant.slug.to_string();
    let started = Instant::now();
    let probe = probe_ready(spec.tenant.port, spec.host.clone());
    tokio::pin!(probe);
    let mut ready = false;
    loop {
        tokio::select! {
            status = child.wait() => {
                let reason = match status {
                    Ok(status) => describe(status),
                    Err(e) => format!("lost track of the process: {e}"),
                };
                return Ended::Exited { reason, uptime: started.elapsed() };
            }
            is_ready = &mut probe, if !ready => {
                ready = true;
                if is_ready {
                    tracing::info!(tenant = %slug, "ready after {} ms", started.elapsed().as_millis());
                    state::update(shared, &slug, |t| t.state = TenantState::Running);
                } else {
                    stop(&mut child, &slug, shared).await;
                    let reason = format!("not ready within {} s", READY_TIMEOUT.as_secs());
                    return Ended::Exited { reason, uptime: started.elapsed() };
                }
            }
            cmd = rx.recv() => {
                stop(&mut child, &slug, shared).await;
                return match cmd {
                    Some(Command::Restart) => Ended::Restart,
                    Some(Command::Stop) | None => Ended::Stopped,
                };
            }
        }
    }
}

/// SIGTERM, then SIGKILL after the grace period.
pub async fn stop(child: &mut Child, slug: &str, shared: &Shared) {
    state::update(shared, slug, |t| t.state = TenantState::Stopping);
    if let Some(pid) = child.id() {
        // SAFETY: kill(2) on a pid we spawned and have not yet reaped.
        unsafe {
            libc::kill(pid as libc::pid_t, libc::SIGTERM);
        }
    }
    match tokio::time::timeout(STOP_GRACE, child.wait()).await {
        Ok(_) => {}
        Err(_) => {
            tracing::warn!(tenant = %slug, "did not stop within {} s: killing it", STOP_GRACE.as_secs());
            let _ = child.kill().await;
        }
    }
}

fn describe(status: ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("exited with code {code}"),
        (None, Some(signal)) => format!("killed by signal {signal}"),
        _ => "ended".to_owned(),
    }
}

/// Polls `/readyz` until it answers 200 (true) or the timeout passes (false).
async fn probe_ready(port: u16, host: String) -> bool {
    let client: Client<_, Empty<bytes::Bytes>> = Client::builder(TokioExecutor::new()).build_http();
    let deadline = Instant::now() + READY_TIMEOUT;
    let mut pause = Duration::from_millis(20);
    while Instant::now() < deadline {
        let request = hyper::Request::get(format!("http://127.0.0.1:{port}/readyz"))
            .header(hyper::header::HOST, &host)
            .body(Empty::new());
        if let Ok(request) = request
            && let Ok(Ok(res)) =
                tokio::time::timeout(Duration::from_secs(2), client.request(request)).await
            && res.status() == 200
        {
            return true;
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_millis(250));
    }
    false
}
