//! The front door: one listening port, requests routed by Host `<slug>.<base-domain>[:port]`
//! to that tenant's process, bodies streamed both ways without being held whole.

use bytes::Bytes;
use http_body_util::{BodyExt, Full, combinators::BoxBody};
use hyper::body::Incoming;
use hyper::header::{self, HeaderValue};
use hyper::{Request, Response, StatusCode};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioIo};
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::watch;

use super::state::{self, Shared, TenantState};

type Body = BoxBody<Bytes, hyper::Error>;

pub struct FrontDoor {
    pub shared: Shared,
    pub base_domain: String,
    client: Client<HttpConnector, Incoming>,
}

impl FrontDoor {
    pub fn new(shared: Shared, base_domain: String) -> FrontDoor {
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        let client = Client::builder(TokioExecutor::new()).build(connector);
        FrontDoor {
            shared,
            base_domain,
            client,
        }
    }
}

/// Serves until `shutdown` turns true, then waits for in-flight requests to finish.
pub async fn serve(
    listener: TcpListener,
    door: Arc<FrontDoor>,
    mut shutdown: watch::Receiver<bool>,
) {
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(pair) => pair,
                    Err(e) => {
                        tracing::warn!("accepting a connection: {e}");
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let door = door.clone();
                let service = hyper::service::service_fn(move |req| {
                    let door = door.clone();
                    async move { Ok::<_, std::convert::Infallible>(route(&door, req, peer).await) }
                });
                let conn = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service);
                let conn = graceful.watch(conn);
                tokio::spawn(async move {
                    if let Err(e) = conn.await {
                        tracing::debug!("connection from {peer}: {e}");
                    }
                });
            }
            _ = shutdown.changed() => break,
        }
    }
    drop(listener);
    graceful.shutdown().await;
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
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
        .or_else(|| req.uri().authority().map(|a| a.to_string()))
        .unwrap_or_default();
    let Some(slug) = slug_of(&host, &door.base_domain) else {
        return page(
            StatusCode::NOT_FOUND,
            "Unknown agency",
            "No agency answers at this address.",
            None,
        );
    };
    let Some(tenant) = state::get(&door.shared, &slug) else {
        return page(
            StatusCode::NOT_FOUND,
            "Unknown agency",
            "No agency answers at this address.",
            None,
        );
    };
    match tenant.state {
        TenantState::Running => {}
        TenantState::Starting | TenantState::Backoff | TenantState::Stopping => {
            return page(
                StatusCode::SERVICE_UNAVAILABLE,
                "Starting",
                "This agency's service is starting. The page will be available in a few seconds.",
                Some("5"),
            );
        }
        TenantState::Failed | TenantState::Disabled => {
            return page(
                StatusCode::SERVICE_UNAVAILABLE,
                "Agency unavailable",
                "This agency is unavailable at the moment. Please contact the platform's support.",
                None,
            );
        }
    }

    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".to_owned());
    let uri = match format!("http://127.0.0.1:{}{}", tenant.port, path).parse() {
        Ok(uri) => uri,
        Err(_) => {
            return page(
                StatusCode::BAD_REQUEST,
                "Bad request",
                "The address could not be read.",
                None,
            );
        }
    };
    *req.uri_mut() = uri;
    forwarded_headers(req.headers_mut(), peer, &host);
    match door.client.request(req).await {
        Ok(res) => {
            let (mut parts, body) = res.into_parts();
            strip_hop_by_hop(&mut parts.headers);
            Response::from_parts(parts, body.boxed())
        }
        Err(e) => {
            tracing::warn!(tenant = %slug, "forwarding failed: {e}");
            page(
                StatusCode::SERVICE_UNAVAILABLE,
                "Starting",
                "This agency's service is restarting. Try again in a few seconds.",
                Some("5"),
            )
        }
    }
}

/// Sets X-Forwarded-For (appending the peer), -Proto and -Host for the tenant.
fn forwarded_headers(headers: &mut hyper::HeaderMap, peer: SocketAddr, host: &str) {
    strip_hop_by_hop(headers);
    let ip = peer.ip().to_string();
    let forwarded_for = match headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()) {
        // Only a proxy on this machine (TLS in front) may tell us who the client was.
        Some(earlier) if peer.ip().is_loopback() => format!("{earlier}, {ip}"),
        _ => ip,
    };
    let proto = match headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
    {
        Some(p @ ("http" | "https")) if peer.ip().is_loopback() => p.to_owned(),
        _ => "http".to_owned(),
    };
    for (name, value) in [
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

/// A small self-contained HTML page for the front door's own answers.
fn page(
    status: StatusCode,
    title: &str,
    text: &str,
    retry_after: Option<&'static str>,
) -> Response<Body> {
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body><main><h1>{title}</h1><p>{text}</p></main></body></html>\n"
    );
    let mut res = Response::new(
        Full::new(Bytes::from(html))
            .map_err(|never| match never {})
            .boxed(),
    );
    *res.status_mut() = status;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        "content-security-policy",
        HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
    );
    if let Some(seconds) = retry_after {
        h.insert(header::RETRY_AFTER, HeaderValue::from_static(seconds));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::slug_of;

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
