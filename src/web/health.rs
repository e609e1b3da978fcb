//! Liveness and readiness probes for the launcher and for operators.

use actix_web::HttpResponse;

use crate::db;
use crate::web::state::State;

/// `/healthz`: the process is up and serving.
pub async fn alive() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok\n")
}

/// `/readyz`: the database answers and its schema is current.
pub async fn ready(state: State) -> HttpResponse {
    let pool = state.pool.clone();
    let check = actix_web::web::block(move || -> anyhow::Result<Vec<String>> {
        let mut conn = pool.get()?;
        db::migrate::pending(&mut conn)
    })
    .await;
    match check {
        Ok(Ok(pending)) if pending.is_empty() => HttpResponse::Ok()
            .content_type("text/plain")
            .body("ready\n"),
        Ok(Ok(pending)) => HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body(format!("pending migrations: {}\n", pending.join(", "))),
        Ok(Err(e)) => HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body(format!("database unavailable: {e:#}\n")),
        Err(e) => HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body(format!("database unavailable: {e}\n")),
    }
}
