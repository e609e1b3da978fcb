//! `tourdesk launch`: supervises one `tourdesk serve` per enabled tenant and fronts them all
//! on one port.
//!
//! Signals: SIGTERM/SIGINT stop everything gracefully (exit 0); SIGHUP reloads the manifest,
//! starting new or enabled tenants and stopping removed or disabled ones, leaving the rest
//! untouched. The control socket `<run dir>/launcher.sock` answers `tourdesk status` and
//! `tourdesk tenant restart`.

pub mod control;
mod door_page;
pub mod proxy;
pub mod state;
pub mod supervisor;

use anyhow::{Context, bail};
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::{mpsc, watch};

use crate::manifest::{self, Manifest, Tenant};
use control::{Event, SOCKET_FILE};
use state::{Shared, TenantRuntime, TenantState};
use supervisor::{Command, Spec, Supervisor};

pub const PID_FILE: &str = "launcher.pid";
const LOCK_FILE: &str = "launcher.lock";

/// The run directory of a manifest (`[launcher] run_dir`, relative to the manifest).
pub fn run_dir(manifest_path: &Path, manifest: &Manifest) -> PathBuf {
    manifest::base_dir(manifest_path).join(&manifest.launcher.run_dir)
}

pub fn run(manifest_path: &Path, listen: Option<String>) -> anyhow::Result<()> {
    let manifest = Manifest::load(manifest_path)?;
    let run_dir = run_dir(manifest_path, &manifest);
    fs::create_dir_all(&run_dir).with_context(|| format!("creating {}", run_dir.display()))?;
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(run_dir.join(LOCK_FILE))
        .with_context(|| format!("opening {}", run_dir.join(LOCK_FILE).display()))?;
    if lock.try_lock().is_err() {
        bail!(
            "another launcher is already running for {}",
            manifest_path.display()
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let result = runtime.block_on(launch(manifest_path, manifest, listen, &run_dir));
    let _ = fs::remove_file(run_dir.join(PID_FILE));
    let _ = fs::remove_file(run_dir.join(SOCKET_FILE));
    drop(lock);
    result
}

async fn launch(
    manifest_path: &Path,
    manifest: Manifest,
    listen: Option<String>,
    run_dir: &Path,
) -> anyhow::Result<()> {
    let listen = listen.unwrap_or_else(|| manifest.launcher.listen.clone());
    let listener = tokio::net::TcpListener::bind(&listen)
        .await
        .with_context(|| format!("listening on {listen}"))?;
    let exe = std::env::current_exe().context("finding the tourdesk binary")?;
    let manifest_path =
        fs::canonicalize(manifest_path).unwrap_or_else(|_| manifest_path.to_path_buf());
    let shared: Shared = Arc::new(RwLock::new(BTreeMap::new()));
    let (events_tx, mut events) = mpsc::unbounded_channel::<Event>();

    let mut launcher = Launcher {
        manifest_path: manifest_path.clone(),
        exe,
        shared: shared.clone(),
        supervisors: BTreeMap::new(),
    };
    launcher.apply(&manifest)?;

    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let door = Arc::new(proxy::FrontDoor::new(
        shared.clone(),
        manifest.launcher.base_domain.clone(),
        proxy::DoorConfig::from_manifest(&manifest.launcher)?,
        Arc::new(crate::i18n::I18n::load()?),
    ));
    let front = tokio::spawn(proxy::serve(listener, door.clone(), shutdown_rx));
    let control = control::listen(
        &run_dir.join(SOCKET_FILE),
        shared.clone(),
        events_tx.clone(),
    )?;
    write_pid(run_dir)?;
    tracing::info!(
        "launcher listening on http://{listen}/ for *.{}",
        manifest.launcher.base_domain
    );

    let mut term = signal(SignalKind::terminate()).context("SIGTERM handler")?;
    let mut int = signal(SignalKind::interrupt()).context("SIGINT handler")?;
    let mut hup = signal(SignalKind::hangup()).context("SIGHUP handler")?;
    loop {
        let event = tokio::select! {
            _ = term.recv() => Event::Shutdown,
            _ = int.recv() => Event::Shutdown,
            _ = hup.recv() => Event::Reload,
            Some(e) = events.recv() => e,
        };
        match event {
            Event::Shutdown => break,
            Event::Reload => match Manifest::load(&manifest_path) {
                Ok(m) => {
                    if let Ok(trusted) = m.launcher.trusted_networks() {
                        door.set_trusted_proxies(trusted);
                    }
                    if let Err(e) = launcher.apply(&m) {
                        tracing::error!("reloading the manifest: {e:#}");
                    }
                }
                Err(e) => tracing::error!("reloading the manifest, keeping the running set: {e:#}"),
            },
            Event::Restart { slug, reply } => {
                let _ = reply.send(launcher.restart(&slug));
            }
        }
    }

    tracing::info!("stopping: draining requests and tenants");
    let _ = shutdown_tx.send(true);
    control.abort();
    let stops = launcher.stop_all();
    for task in stops {
        let _ = task.await;
    }
    let _ = front.await;
    tracing::info!("launcher stopped");
    Ok(())
}

fn write_pid(run_dir: &Path) -> anyhow::Result<()> {
    let path = run_dir.join(PID_FILE);
    let tmp = run_dir.join(format!("{PID_FILE}.tmp"));
    fs::write(&tmp, format!("{}\n", std::process::id()))
        .with_context(|| format!("writing {}", tmp.display()))?;
    fs::rename(&tmp, &path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

struct Launcher {
    manifest_path: PathBuf,
    exe: PathBuf,
    shared: Shared,
    supervisors: BTreeMap<String, Supervisor>,
}

impl Launcher {
    /// Brings the running set in line with the manifest, touching only what changed.
    fn apply(&mut self, manifest: &Manifest) -> anyhow::Result<()> {
        let tenants: BTreeMap<String, Tenant> = manifest
            .tenants(&self.manifest_path)?
            .into_iter()
            .map(|t| (t.slug.to_string(), t))
            .collect();
        let stale: Vec<String> = self
            .supervisors
            .iter()
            .filter(|(slug, sup)| match tenants.get(*slug) {
                Some(t) => {
                    !t.enabled
                        || t.port != sup.spec.tenant.port
                        || t.database_url != sup.spec.tenant.database_url
                }
                None => true,
            })
            .map(|(slug, _)| slug.clone())
            .collect();
        for slug in stale {
            if let Some(sup) = self.supervisors.remove(&slug) {
                tracing::info!(tenant = %slug, "stopping (removed, disabled or changed in the manifest)");
                let _ = sup.tx.send(Command::Stop);
                let shared = self.shared.clone();
                let still_listed = tenants.contains_key(&slug);
                let disabled = tenants.get(&slug).is_some_and(|t| !t.enabled);
                tokio::spawn(async move {
                    let _ = sup.task.await;
                    let mut map = match shared.write() {
                        Ok(map) => map,
                        Err(poisoned) => poisoned.into_inner(),
                    };
                    if !still_listed {
                        map.remove(&slug);
                    } else if disabled {
                        // A tenant disabled while it ran turns `disabled` once it has stopped.
                        if let Some(t) = map.get_mut(&slug) {
                            t.state = TenantState::Disabled;
                        }
                    }
                });
            }
        }
        {
            let mut map = match self.shared.write() {
                Ok(map) => map,
                Err(poisoned) => poisoned.into_inner(),
            };
            map.retain(|slug, _| tenants.contains_key(slug) || self.supervisors.contains_key(slug));
            for (slug, t) in &tenants {
                if !t.enabled {
                    map.entry(slug.clone())
                        .or_insert_with(|| TenantRuntime::new(slug, t.port, TenantState::Disabled));
                }
            }
        }
        for (slug, tenant) in tenants {
            if !tenant.enabled || self.supervisors.contains_key(&slug) {
                continue;
            }
            {
                let mut map = match self.shared.write() {
                    Ok(map) => map,
                    Err(poisoned) => poisoned.into_inner(),
                };
                let restarts = map.get(&slug).map(|t| t.restarts).unwrap_or(0);
                let mut runtime = TenantRuntime::new(&slug, tenant.port, TenantState::Starting);
                runtime.restarts = restarts;
                map.insert(slug.clone(), runtime);
            }
            let spec = Spec {
                host: format!("{}.{}", tenant.slug, manifest.launcher.base_domain),
                tenant,
                manifest_path: self.manifest_path.clone(),
                exe: self.exe.clone(),
            };
            tracing::info!(tenant = %slug, "starting");
            self.supervisors
                .insert(slug, supervisor::spawn(spec, self.shared.clone()));
        }
        Ok(())
    }

    fn restart(&mut self, slug: &str) -> Result<(), String> {
        match self.supervisors.get(slug) {
            Some(sup) => sup
                .tx
                .send(Command::Restart)
                .map_err(|_| format!("tenant {slug} is stopping")),
            None => Err(format!(
                "tenant {slug} is not running under this launcher (disabled or unknown)"
            )),
        }
    }

    fn stop_all(&mut self) -> Vec<tokio::task::JoinHandle<()>> {
        std::mem::take(&mut self.supervisors)
            .into_values()
            .map(|sup| {
                let _ = sup.tx.send(Command::Stop);
                sup.task
            })
            .collect()
    }
}

/// Tells a running launcher to reload its manifest (SIGHUP via its pid file).
/// Returns false when no launcher runs for this manifest.
pub fn signal_reload(manifest_path: &Path) -> anyhow::Result<bool> {
    let manifest = Manifest::load(manifest_path)?;
    let pid_path = run_dir(manifest_path, &manifest).join(PID_FILE);
    let Ok(text) = fs::read_to_string(&pid_path) else {
        return Ok(false);
    };
    let pid: libc::pid_t = text
        .trim()
        .parse()
        .with_context(|| format!("reading {}", pid_path.display()))?;
    // SAFETY: kill(2) with a pid read from our own pid file; failure is reported, not fatal.
    let sent = unsafe { libc::kill(pid, libc::SIGHUP) } == 0;
    Ok(sent)
}

/// Whether a launcher holds the run directory's lock right now.
pub fn is_running(manifest_path: &Path) -> anyhow::Result<bool> {
    let manifest = Manifest::load(manifest_path)?;
    let lock_path = run_dir(manifest_path, &manifest).join(LOCK_FILE);
    let Ok(file) = File::open(&lock_path) else {
        return Ok(false);
    };
    Ok(file.try_lock_shared().is_err())
}
