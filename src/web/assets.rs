//! The stylesheet, htmx and other static files, embedded in the binary.

use actix_web::{HttpResponse, web};
use rust_embed::Embed;

use crate::web::error::WebError;

#[derive(Embed)]
#[folder = "static/"]
struct StaticFiles;

pub async fn file(path: web::Path<String>) -> Result<HttpResponse, WebError> {
    let name = path.into_inner();
    let file = StaticFiles::get(&name).ok_or(WebError::NotFound)?;
    let content_type = match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "text/plain; charset=utf-8",
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .body(file.data.into_owned()))
}
