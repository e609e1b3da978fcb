//! What the launcher knows of each tenant process, shared by the supervisors, the front door
//! and the control socket.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};
use std::time::{Instant, SystemTime};

/// The life of a tenant process as the launcher sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TenantState {
    /// Spawned, waiting for `/readyz`.
    Starting,
    /// Ready: the front door routes to it.
    Running,
    /// Died; waiting out the backoff before the next start.
    Backoff,
    /// Died too often (crash-loop breaker); waits for `tourdesk tenant restart`.
    Failed,
    /// Being stopped (shutdown, reload, restart).
    Stopping,
    /// Disabled in the manifest.
    Disabled,
}

#[derive(Debug, Clone)]
pub struct TenantRuntime {
    pub slug: String,
    pub port: u16,
    pub state: TenantState,
    pub pid: Option<u32>,
    pub started: Option<Instant>,
    pub restarts: u32,
    pub last_exit: Option<String>,
    pub last_exit_at: Option<SystemTime>,
}

impl TenantRuntime {
    pub fn new(slug: &str, port: u16, state: TenantState) -> TenantRuntime {
        TenantRuntime {
            slug: slug.to_owned(),
            port,
            state,
            pid: None,
            started: None,
            restarts: 0,
            last_exit: None,
            last_exit_at: None,
        }
    }
}

/// One row of `tourdesk status`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TenantStatus {
    pub slug: String,
    pub state: TenantState,
    pub pid: Option<u32>,
    pub port: u16,
    pub uptime_seconds: Option<u64>,
    pub restarts: u32,
    pub rss_kib: Option<u64>,
    pub last_exit: Option<String>,
}

pub type Shared = Arc<RwLock<BTreeMap<String, TenantRuntime>>>;

pub fn snapshot(shared: &Shared) -> Vec<TenantStatus> {
    let map = match shared.read() {
        Ok(map) => map,
        Err(poisoned) => poisoned.into_inner(),
    };
    map.values()
        .map(|t| TenantStatus {
            slug: t.slug.clone(),
            state: t.state,
            pid: t.pid,
            port: t.port,
            uptime_seconds: match t.state {
                TenantState::Running | TenantState::Starting => {
                    t.started.map(|s| s.elapsed().as_secs())
                }
                _ => None,
            },
            restarts: t.restarts,
            rss_kib: t.pid.and_then(rss_kib),
            last_exit: t.last_exit.clone(),
        })
        .collect()
}

/// Resident set size of a process, from `/proc/<pid>/status`.
pub fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Applies `f` to the tenant's runtime entry, if it still exists.
pub fn update(shared: &Shared, slug: &str, f: impl FnOnce(&mut TenantRuntime)) {
    let mut map = match shared.write() {
        Ok(map) => map,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(t) = map.get_mut(slug) {
        f(t);
    }
}

pub fn get(shared: &Shared, slug: &str) -> Option<TenantRuntime> {
    let map = match shared.read() {
        Ok(map) => map,
        Err(poisoned) => poisoned.into_inner(),
    };
    map.get(slug).cloned()
}
