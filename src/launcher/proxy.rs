//! The front door: one listening port, requests routed by Host `<slug>.<base-domain>[:port]`
//! to that tenant's process, bodies streamed both ways without being held whole.

use bytes::Bytes;
use http_body_util::{BodyExt, combinators::BoxBody};
use hyper::body::{Body as HttpBody, Frame, Incoming, SizeHint};
use hyper::header::{self, HeaderValue};
use hyper::{Request, Response};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use ipnet::IpNet;
use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, RwLock};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};
use tokio::time::Sleep;

use super::door_page::{DoorPage, page};
use super::state::{self, Shared, TenantState};
use crate::domain::locale::Locale;
use crate::i18n::I18n;
use crate::manifest::LauncherSection;

type Body = BoxBody<Bytes, hyper::Error>;

/// The header carrying the client's address to a tenant. The launcher always sets it (a
/// client's own copy is replaced); a tenant believes it only from the launcher.
pub const CLIENT_ADDR_HEADER: &str = "x-tourdesk-client-addr";

/// File descriptors kept free for everything but client connections (the listener, the
/// control socket, the manifest, readiness probes, logs).
const RESERVED_FDS: u64 = 128;
/// Idle connections to each tenant kept for reuse (each holds a descriptor).
const IDLE_PER_TENANT: usize = 8;

/// The front door's settings, from the manifest's `[launcher]` section.
#[derive(Debug, Clone)]
pub struct DoorConfig {
    pub trusted_proxies: Vec<IpNet>,
    pub max_connections: usize,
    pub header_timeout: Duration,
    pub idle_timeout: Duration,
}

impl DoorConfig {
    pub fn from_manifest(section: &LauncherSection) -> anyhow::Result<DoorConfig> {
        Ok(DoorConfig {
            trusted_proxies: section.trusted_networks()?,
            max_connections: section.max_connections as usize,
            header_timeout: Duration::from_secs(u64::from(section.header_timeout_seconds)),
            idle_timeout: Duration::from_secs(u64::from(section.idle_timeout_seconds)),
        })
    }
}

pub struct FrontDoor {
    pub shared: Shared,
    pub base_domain: String,
    /// Replaced when the manifest is reloaded.
    trusted_proxies: RwLock<Vec<IpNet>>,
    config: DoorConfig,
    client: Client<HttpConnector, IdleBody>,
    /// The front door's own pages are served in the browser's language.
    i18n: Arc<I18n>,
}

impl FrontDoor {
    pub fn new(
        shared: Shared,
        base_domain: String,
        config: DoorConfig,
        i18n: Arc<I18n>,
    ) -> FrontDoor {
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        let client = Client::builder(TokioExecutor::new())
            .pool_max_idle_per_host(IDLE_PER_TENANT)
            .pool_idle_timeout(Duration::from_secs(15))
            .build(connector);
        FrontDoor {
            shared,
            base_domain,
            trusted_proxies: RwLock::new(config.trusted_proxies.clone()),
            config,
            client,
            i18n,
        }
    }

    /// Takes the trusted proxies of a reloaded manifest.
    pub fn set_trusted_proxies(&self, trusted: Vec<IpNet>) {
        let mut current = match self.trusted_proxies.write() {
            Ok(t) => t,
            Err(poisoned) => poisoned.into_inner(),
        };
        *current = trusted;
    }

    fn trusted_proxies(&self) -> Vec<IpNet> {
        match self.trusted_proxies.read() {
            Ok(t) => t.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }
}

/// The connections the front door may hold: the manifest's cap, kept within what the
/// open-file limit allows (each proxied connection takes two descriptors, and each tenant
/// keeps a few idle ones to reuse).
pub fn connection_cap(configured: usize, tenants: usize) -> usize {
    let soft = crate::process::open_files().0;
    let reserved = RESERVED_FDS + (IDLE_PER_TENANT * tenants) as u64;
    let by_files = (soft.saturating_sub(reserved) / 2).max(1);
    configured.min(usize::try_from(by_files).unwrap_or(usize::MAX))
}

/// Serves until `shutdown` turns true, then waits for in-flight requests to finish.
///
/// At most [`connection_cap`] connections are held; beyond that the door stops accepting and
/// new connections wait in the kernel's queue. A client has `header_timeout` to send each
/// request's headers (a kept-alive connection waiting for its next request included); a
/// connection whose writes or request body stall for `idle_timeout` is closed. A failing
/// `accept()` (out of file descriptors, say) backs off, and its log lines are rate-limited.
pub async fn serve(
    listener: TcpListener,
    door: Arc<FrontDoor>,
    mut shutdown: watch::Receiver<bool>,
) {
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let tenants = match door.shared.read() {
        Ok(map) => map.len(),
        Err(poisoned) => poisoned.into_inner().len(),
    };
    let cap = connection_cap(door.config.max_connections, tenants);
    tracing::info!("front door: at most {cap} connections at once");
    let permits = Arc::new(Semaphore::new(cap));
    let mut accept_log = RateLimitedLog::new(Duration::from_secs(10));
    let mut backoff = Backoff::new(Duration::from_millis(5), Duration::from_secs(1));
    loop {
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(p) => p,
                Err(_) => break,
            },
            _ = shutdown.changed() => break,
        };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = shutdown.changed() => break,
        };
        let (stream, peer) = match accepted {
            Ok(pair) => {
                backoff.reset();
                pair
            }
            Err(e) => {
                if let Some(suppressed) = accept_log.allow(Instant::now()) {
                    tracing::warn!(
                        "accepting a connection: {e} ({suppressed} similar errors not logged)"
                    );
                }
                let pause = backoff.next();
                tokio::select! {
                    _ = tokio::time::sleep(pause) => {}
                    _ = shutdown.changed() => break,
                }
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let (idle, header_timeout) = (door.config.idle_timeout, door.config.header_timeout);
        let door = door.clone();
        let service = hyper::service::service_fn(move |req| {
            let door = door.clone();
            async move { Ok::<_, std::convert::Infallible>(route(&door, req, peer).await) }
        });
        let io = TokioIo::new(StallGuard::new(stream, idle));
        let conn = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(header_timeout)
            .serve_connection(io, service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!("connection from {peer}: {e}");
            }
            drop(permit);
        });
    }
    drop(listener);
    graceful.shutdown().await;
}

/// Exponential pauses between failing attempts.
struct Backoff {
    first: Duration,
    max: Duration,
    current: Duration,
}

impl Backoff {
    fn new(first: Duration, max: Duration) -> Backoff {
        Backoff {
            first,
            max,
            current: Duration::ZERO,
        }
    }

    fn next(&mut self) -> Duration {
        self.current = if self.current.is_zero() {
            self.first
        } else {
            (self.current * 2).min(self.max)
        };
        self.current
    }

    fn reset(&mut self) {
        self.current = Duration::ZERO;
    }
}

/// Lets one line through per period and counts the rest, so that an error repeating in a
/// tight loop cannot flood the log.
pub struct RateLimitedLog {
    period: Duration,
    last: Option<Instant>,
    suppressed: u64,
}

impl RateLimitedLog {
    pub fn new(period: Duration) -> RateLimitedLog {
        RateLimitedLog {
            period,
            last: None,
            suppressed: 0,
        }
    }

    /// `Some(lines suppressed since the last one)` when a line may be written now.
    pub fn allow(&mut self, now: Instant) -> Option<u64> {
        match self.last {
            Some(last) if now.duration_since(last) < self.period => {
                self.suppressed += 1;
                None
            }
            _ => {
                self.last = Some(now);
                Some(std::mem::take(&mut self.suppressed))
            }
        }
    }
}

/// A client connection whose writes fail once they have stalled for the idle timeout (a
/// client that stops reading its response cannot hold the connection for ever).
struct StallGuard<T> {
    inner: T,
    timeout: Duration,
    write_deadline: Option<Pin<Box<Sleep>>>,
}

impl<T> StallGuard<T> {
    fn new(inner: T, timeout: Duration) -> StallGuard<T> {
        StallGuard {
            inner,
            timeout,
            write_deadline: None,
        }
    }

    /// Pending: starts or polls the stall clock; an expired clock is an error.
    fn stalled(&mut self, cx: &mut Context<'_>) -> Poll<io::Error> {
        let timeout = self.timeout;
        let deadline = self
            .write_deadline
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(timeout)));
        match deadline.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client stopped reading",
            )),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for StallGuard<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for StallGuard<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write(cx, buf) {
            Poll::Ready(result) => {
                self.write_deadline = None;
                Poll::Ready(result)
            }
            Poll::Pending => self.stalled(cx).map(Err),
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match Pin::new(&mut self.inner).poll_flush(cx) {
            Poll::Ready(result) => {
                self.write_deadline = None;
                Poll::Ready(result)
            }
            Poll::Pending => self.stalled(cx).map(Err),
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write_vectored(cx, bufs) {
            Poll::Ready(result) => {
                self.write_deadline = None;
                Poll::Ready(result)
            }
            Poll::Pending => self.stalled(cx).map(Err),
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}

/// A request body passed on to the tenant that fails when no data arrives for the idle
/// timeout (a client trickling an upload cannot hold the connection for ever).
pub struct IdleBody {
    inner: Incoming,
    timeout: Duration,
    deadline: Pin<Box<Sleep>>,
}

impl IdleBody {
    fn new(inner: Incoming, timeout: Duration) -> IdleBody {
        IdleBody {
            inner,
            timeout,
            deadline: Box::pin(tokio::time::sleep(timeout)),
        }
    }
}

impl HttpBody for IdleBody {
    type Data = Bytes;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(frame) => {
                let next = tokio::time::Instant::now() + this.timeout;
                this.deadline.as_mut().reset(next);
                Poll::Ready(frame.map(|f| f.map_err(Into::into)))
            }
            Poll::Pending => match this.deadline.as_mut().poll(cx) {
                Poll::Ready(()) => Poll::Ready(Some(Err("the request body stalled".into()))),
                Poll::Pending => Poll::Pending,
            },
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The tenant slug a Host header names, if it is `<slug>.<base-domain>` with any port.
pub fn slug_of(host: &str, base_domain: &str) -> Option<String> {
    let host = match host.rsplit_once(':') {
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    };
    let host = host.to_ascii_lowercase();
    let slug = host.strip_suffix(&format!(".{}", base_domain.to_ascii_lowercase()))?;
    (!slug.is_empty() && !slug.contains('.')).then(|| slug.to_owned())
}

async fn route(door: &FrontDoor, mut req: Request<Incoming>, peer: SocketAddr) -> Response<Body> {
    let locale = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(crate::i18n::negotiate)
        .unwrap_or(Locale::En);
    let page = |which: DoorPage| {
        page(&door.i18n, locale, which).map(|body| body.map_err(|never| match never {}).boxed())
    };
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
        .or_else(|| req.uri().authority().map(|a| a.to_string()))
        .unwrap_or_default();
    let Some(slug) = slug_of(&host, &door.base_domain) else {
        return page(DoorPage::UnknownAgency);
    };
    let Some(tenant) = state::get(&door.shared, &slug) else {
        return page(DoorPage::UnknownAgency);
    };
    match tenant.state {
        TenantState::Running => {}
        TenantState::Starting | TenantState::Backoff | TenantState::Stopping => {
            return page(DoorPage::Starting);
        }
        TenantState::Failed | TenantState::Disabled => return page(DoorPage::Unavailable),
    }

    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".to_owned());
    let uri = match format!("http://127.0.0.1:{}{}", tenant.port, path).parse() {
        Ok(uri) => uri,
        Err(_) => return page(DoorPage::BadRequest),
    };
    *req.uri_mut() = uri;
    forwarded_headers(req.headers_mut(), peer.ip(), &host, &door.trusted_proxies());
    let (parts, body) = req.into_parts();
    let req = Request::from_parts(parts, IdleBody::new(body, door.config.idle_timeout));
    match door.client.request(req).await {
        Ok(res) => {
            let (mut parts, body) = res.into_parts();
            strip_hop_by_hop(&mut parts.headers);
            Response::from_parts(parts, body.boxed())
        }
        Err(e) => {
            tracing::warn!(tenant = %slug, "forwarding failed: {e}");
            page(DoorPage::Restarting)
        }
    }
}

/// The client's address: the peer, unless the peer is a trusted proxy — then the rightmost
/// `X-Forwarded-For` entry that is not a trusted proxy (or the leftmost entry, when every
/// entry is trusted). An entry that is not an address ends the walk: the last address
/// vouched for by a trusted hop is the client.
pub fn client_addr(peer: IpAddr, forwarded_for: &[&str], trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    let peer = peer.to_canonical();
    if !is_trusted(&peer) {
        return peer;
    }
    let mut client = peer;
    let entries = forwarded_for
        .iter()
        .rev()
        .flat_map(|header| header.rsplit(','));
    for entry in entries {
        match forwarded_ip(entry.trim()) {
            Some(ip) => {
                client = ip;
                if !is_trusted(&ip) {
                    break;
                }
            }
            None => break,
        }
    }
    client
}

/// An address as proxies write it in `X-Forwarded-For`: `203.0.113.9`, `203.0.113.9:4711`,
/// `2001:db8::1` or `[2001:db8::1]:4711`.
fn forwarded_ip(entry: &str) -> Option<IpAddr> {
    if let Ok(ip) = entry.parse::<IpAddr>() {
        return Some(ip.to_canonical());
    }
    entry
        .parse::<SocketAddr>()
        .ok()
        .map(|s| s.ip().to_canonical())
}

/// Sets the tenant's view of the request: the client's address (see [`client_addr`]) in
/// [`CLIENT_ADDR_HEADER`], `X-Forwarded-For` with the peer appended (only a trusted peer's
/// list is kept), `X-Forwarded-Proto` (a trusted peer's, else `http`) and `X-Forwarded-Host`.
fn forwarded_headers(headers: &mut hyper::HeaderMap, peer: IpAddr, host: &str, trusted: &[IpNet]) {
    strip_hop_by_hop(headers);
    let peer_trusted = trusted.iter().any(|net| net.contains(&peer.to_canonical()));
    let forwarded: Vec<String> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(str::to_owned)
        .collect();
    let forwarded: Vec<&str> = forwarded.iter().map(String::as_str).collect();
    let client = client_addr(peer, &forwarded, trusted);
    let ip = peer.to_canonical().to_string();
    let forwarded_for = if peer_trusted && !forwarded.is_empty() {
        format!("{}, {ip}", forwarded.join(", "))
    } else {
        ip
    };
    // The value the peer itself added: the last entry of the last header.
    let protos: Vec<&str> = headers
        .get_all("x-forwarded-proto")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let proto = match protos.last().copied() {
        Some(p @ ("http" | "https")) if peer_trusted => p.to_owned(),
        _ => "http".to_owned(),
    };
    headers.remove("x-forwarded-for");
    headers.remove("x-forwarded-proto");
    headers.remove(CLIENT_ADDR_HEADER);
    for (name, value) in [
        (CLIENT_ADDR_HEADER, client.to_string()),
        ("x-forwarded-for", forwarded_for),
        ("x-forwarded-proto", proto),
        ("x-forwarded-host", host.to_owned()),
    ] {
        if let Ok(v) = HeaderValue::from_str(&value) {
            headers.insert(name, v);
        }
    }
}

fn strip_hop_by_hop(headers: &mut hyper::HeaderMap) {
    for name in [
        "connection",
        "keep-alive",
        "proxy-connection",
        "te",
        "trailer",
        "upgrade",
        "proxy-authorization",
    ] {
        headers.remove(name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    fn nets(list: &[&str]) -> Vec<IpNet> {
        LauncherSection {
            trusted_proxies: list.iter().map(|s| (*s).to_owned()).collect(),
            ..LauncherSection::default()
        }
        .trusted_networks()
        .unwrap_or_default()
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_says() {
        let none = nets(&[]);
        assert_eq!(
            client_addr(ip("127.0.0.1"), &["203.0.113.9"], &none),
            ip("127.0.0.1")
        );
        let proxies = nets(&["10.0.0.0/8"]);
        assert_eq!(
            client_addr(ip("198.51.100.4"), &["203.0.113.9"], &proxies),
            ip("198.51.100.4")
        );
    }

    #[test]
    fn the_rightmost_untrusted_entry_behind_trusted_proxies_is_the_client() {
        let proxies = nets(&["127.0.0.1", "::1", "10.0.0.0/8"]);
        assert_eq!(
            client_addr(ip("127.0.0.1"), &["198.51.100.7, 203.0.113.9"], &proxies),
            ip("203.0.113.9"),
            "a client's own forged entry on the left is not believed"
        );
        assert_eq!(
            client_addr(
                ip("127.0.0.1"),
                &["198.51.100.7", "203.0.113.9, 10.1.2.3"],
                &proxies
            ),
            ip("203.0.113.9"),
            "several headers are one list, and trusted hops are skipped"
        );
        assert_eq!(
            client_addr(ip("::1"), &["[2001:db8::5]:4711"], &proxies),
            ip("2001:db8::5")
        );
        assert_eq!(
            client_addr(ip("::ffff:127.0.0.1"), &["203.0.113.9:80"], &proxies),
            ip("203.0.113.9"),
            "an IPv4-mapped peer is its IPv4 address"
        );
        assert_eq!(
            client_addr(ip("127.0.0.1"), &["10.0.0.5, 10.0.0.6"], &proxies),
            ip("10.0.0.5"),
            "when every hop is trusted the leftmost is the client"
        );
        assert_eq!(
            client_addr(ip("127.0.0.1"), &["203.0.113.9, garbage"], &proxies),
            ip("127.0.0.1"),
            "garbage ends the walk at the last trusted hop"
        );
        assert_eq!(client_addr(ip("127.0.0.1"), &[], &proxies), ip("127.0.0.1"));
    }

    #[test]
    fn forwarded_headers_replace_what_the_client_sent() {
        let proxies = nets(&["127.0.0.1"]);
        let mut headers = hyper::HeaderMap::new();
        headers.insert(CLIENT_ADDR_HEADER, HeaderValue::from_static("192.0.2.1"));
        headers.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        headers.insert("x-forwarded-for", HeaderValue::from_static("203.0.113.9"));
        forwarded_headers(&mut headers, ip("198.51.100.4"), "a.localhost", &proxies);
        let get = |h: &hyper::HeaderMap, n: &str| {
            h.get(n)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(get(&headers, CLIENT_ADDR_HEADER), "198.51.100.4");
        assert_eq!(get(&headers, "x-forwarded-proto"), "http");
        assert_eq!(get(&headers, "x-forwarded-for"), "198.51.100.4");
        let mut headers = hyper::HeaderMap::new();
        headers.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        headers.insert("x-forwarded-for", HeaderValue::from_static("203.0.113.9"));
        forwarded_headers(&mut headers, ip("127.0.0.1"), "a.localhost", &proxies);
        assert_eq!(get(&headers, CLIENT_ADDR_HEADER), "203.0.113.9");
        assert_eq!(get(&headers, "x-forwarded-proto"), "https");
        assert_eq!(get(&headers, "x-forwarded-for"), "203.0.113.9, 127.0.0.1");
    }

    #[test]
    fn repeated_errors_are_logged_once_per_period_with_a_count() {
        let mut log = RateLimitedLog::new(Duration::from_secs(10));
        let t0 = Instant::now();
        assert_eq!(log.allow(t0), Some(0));
        for i in 1..=1000 {
            assert_eq!(log.allow(t0 + Duration::from_millis(i)), None);
        }
        assert_eq!(log.allow(t0 + Duration::from_secs(11)), Some(1000));
        assert_eq!(log.allow(t0 + Duration::from_secs(12)), None);
    }

    #[test]
    fn accept_errors_back_off_exponentially_up_to_a_ceiling() {
        let mut b = Backoff::new(Duration::from_millis(5), Duration::from_secs(1));
        let pauses: Vec<u128> = (0..10).map(|_| b.next().as_millis()).collect();
        assert_eq!(pauses, [5, 10, 20, 40, 80, 160, 320, 640, 1000, 1000]);
        b.reset();
        assert_eq!(b.next(), Duration::from_millis(5));
    }

    #[test]
    fn hosts_map_to_slugs() {
        assert_eq!(
            slug_of("acme.localhost:8080", "localhost").as_deref(),
            Some("acme")
        );
        assert_eq!(
            slug_of("ACME.localhost", "localhost").as_deref(),
            Some("acme")
        );
        assert_eq!(
            slug_of("acme.tours.example.com", "tours.example.com").as_deref(),
            Some("acme")
        );
        assert_eq!(slug_of("localhost:8080", "localhost"), None);
        assert_eq!(slug_of("a.b.localhost", "localhost"), None);
        assert_eq!(slug_of("acme.localhost.evil", "localhost"), None);
    }
}
