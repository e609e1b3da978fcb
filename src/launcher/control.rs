//! The launcher's control socket: one JSON request per line, one JSON answer per line.
//! Only the machine's users with access to the run directory can reach it.

use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader as AsyncBufReader};
use tokio::net::UnixListener;
use tokio::sync::mpsc;

use super::state::{self, Shared, TenantStatus};

/// The control socket's file in the run directory.
pub const SOCKET_FILE: &str = "launcher.sock";

/// Events for the launcher's main loop, from the control socket and from signals.
#[derive(Debug)]
pub enum Event {
    Reload,
    Shutdown,
    Restart {
        slug: String,
        reply: tokio::sync::oneshot::Sender<Result<(), String>>,
    },
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "cmd", rename_all = "lowercase")]
pub enum Request {
    Status,
    Restart { slug: String },
    Reload,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    Status(Vec<TenantStatus>),
    Ok,
    Error(String),
}

pub fn listen(
    path: &Path,
    shared: Shared,
    events: mpsc::UnboundedSender<Event>,
) -> anyhow::Result<tokio::task::JoinHandle<()>> {
    let _ = std::fs::remove_file(path);
    let listener =
        UnixListener::bind(path).map_err(|e| anyhow::anyhow!("binding {}: {e}", path.display()))?;
    Ok(tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let shared = shared.clone();
            let events = events.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = AsyncBufReader::new(read).lines();
                while let Ok(Some(line)) = lines.next_line().await {
                    let answer = match serde_json::from_str::<Request>(&line) {
                        Ok(Request::Status) => Answer::Status(state::snapshot(&shared)),
                        Ok(Request::Reload) => match events.send(Event::Reload) {
                            Ok(()) => Answer::Ok,
                            Err(_) => Answer::Error("the launcher is stopping".into()),
                        },
                        Ok(Request::Restart { slug }) => {
                            let (reply, answer) = tokio::sync::oneshot::channel();
                            if events.send(Event::Restart { slug, reply }).is_err() {
                                Answer::Error("the launcher is stopping".into())
                            } else {
                                match answer.await {
                                    Ok(Ok(())) => Answer::Ok,
                                    Ok(Err(e)) => Answer::Error(e),
                                    Err(_) => Answer::Error("the launcher is stopping".into()),
                                }
                            }
                        }
                        Err(e) => Answer::Error(format!("bad request: {e}")),
                    };
                    let Ok(mut text) = serde_json::to_string(&answer) else {
                        break;
                    };
                    text.push('\n');
                    if write.write_all(text.as_bytes()).await.is_err() {
                        break;
                    }
                }
            });
        }
    }))
}

/// Sends one request to the launcher of this run directory and reads its answer.
pub fn ask(run_dir: &Path, request: &Request) -> anyhow::Result<Answer> {
    let path = run_dir.join(SOCKET_FILE);
    let mut stream = UnixStream::connect(&path).map_err(|e| {
        anyhow::anyhow!(
            "no launcher answers at {} ({e}); is `tourdesk launch` running?",
            path.display()
        )
    })?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut line = serde_json::to_string(request)?;
    line.push('\n');
    stream.write_all(line.as_bytes())?;
    let mut reply = String::new();
    BufReader::new(stream).read_line(&mut reply)?;
    Ok(serde_json::from_str(&reply)?)
}
