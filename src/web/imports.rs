//! Excel imports: the upload page with its template, the preview of every row, the commit.
//! The work is in [`crate::import`]; these handlers read the upload within the size limit,
//! store the parsed rows as an import batch, and show what will change.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};

use crate::db::imports::{self, NewBatch};
use crate::domain::access::Perm;
use crate::domain::ids::ImportBatchId;
use crate::domain::locale::Locale;
use crate::domain::master::suppliers::SupplierKind;
use crate::domain::message::{Message, key};
use crate::import::reader::CLEAR;
use crate::import::sheet::{self, RowCells, SheetError};
use crate::import::{
    self, Change, Kind, Outcome, Reading, Run, Status, Value, limits::Limits, template,
};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::paths;

fn kind_of(segment: &str) -> Result<Kind, WebError> {
    Kind::parse(segment).ok_or(WebError::NotFound)
}

/// The permission an import of `kind` needs: the one that edits what it loads.
pub fn perm(kind: Kind) -> Perm {
    match kind {
        Kind::Hotels | Kind::Transport | Kind::Restaurants | Kind::Attractions | Kind::Shops => {
            Perm::SuppliersEdit
        }
        Kind::Guides => Perm::GuidesEdit,
        Kind::Agencies => Perm::AgenciesEdit,
        Kind::Rates => Perm::RatesEdit,
    }
}

fn list_path(kind: Kind) -> &'static str {
    match kind {
        Kind::Guides => paths::GUIDES,
        Kind::Agencies => paths::AGENCIES,
        Kind::Rates => paths::RATES,
        supplier => paths::suppliers(supplier.supplier_kind().unwrap_or(SupplierKind::Hotel)),
    }
}

#[derive(Serialize)]
struct ColumnHelp {
    label: String,
    example: String,
    how: String,
}

#[derive(Serialize)]
struct UploadView {
    kind: &'static str,
    title: String,
    back: &'static str,
    back_label: String,
    columns: Vec<ColumnHelp>,
    matching: String,
    clear_rule: String,
    error: Option<String>,
    max_mb: usize,
}

/// What the clear marker does, with the marker named.
fn clear_rule(ui: &Ui) -> String {
    ui.message(&Message::new("imports-help-clear").arg("marker", CLEAR))
}

fn upload_page(
    ui: &Ui,
    kind: Kind,
    error: Option<Message>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let view = UploadView {
        kind: kind.as_str(),
        title: ui.t(kind.title()),
        back: list_path(kind),
        back_label: ui.t(key("imports-back")),
        columns: kind
            .columns()
            .iter()
            .map(|c| ColumnHelp {
                label: template::header(&ui.state.i18n, ui.locale(), c),
                example: c.example.to_owned(),
                how: template::how(&ui.state.i18n, ui.locale(), c),
            })
            .collect(),
        matching: ui.t(kind.matching()),
        clear_rule: clear_rule(ui),
        error: error.map(|m| ui.state.i18n.message(ui.locale(), &m)),
        max_mb: Limits::default().max_file / (1024 * 1024),
    };
    ui.render(status, "imports/upload.html", &view)
}

pub async fn form(
    ui: Ui,
    user: CurrentUser,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let kind = kind_of(&path.into_inner())?;
    user.require(perm(kind))?;
    upload_page(&ui, kind, None, StatusCode::OK)
}

pub async fn template(
    ui: Ui,
    user: CurrentUser,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let kind = kind_of(&path.into_inner())?;
    user.require(perm(kind))?;
    let bytes = import::template::build(kind, &ui.state.i18n, ui.locale()).map_err(|e| {
        WebError::Internal(anyhow::anyhow!(
            "building the {} template: {e}",
            kind.as_str()
        ))
    })?;
    Ok(HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"tourdesk-{}-template.xlsx\"",
                kind.as_str()
            ),
        ))
        .body(bytes))
}

/// Reads the `file` field of a multipart upload, refusing more than `limit` bytes as they
/// arrive (the whole body is never buffered beyond the limit).
async fn read_upload(
    req: &HttpRequest,
    payload: web::Payload,
    limit: usize,
) -> Result<(String, Vec<u8>), SheetError> {
    let mut multipart = actix_multipart::Multipart::new(req.headers(), payload);
    while let Some(field) = multipart.next().await {
        let mut field = field.map_err(|_| SheetError::NoFile)?;
        if field.name() != Some("file") {
            continue;
        }
        let name = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .unwrap_or("upload.xlsx")
            .chars()
            .take(200)
            .collect::<String>();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| SheetError::NoFile)?;
            if bytes.len() + chunk.len() > limit {
                return Err(SheetError::Limit(import::limits::LimitError::FileTooLarge(
                    limit,
                )));
            }
            bytes.extend_from_slice(&chunk);
        }
        if bytes.is_empty() {
            return Err(SheetError::NoFile);
        }
        return Ok((name, bytes));
    }
    Err(SheetError::NoFile)
}

#[derive(Serialize, Deserialize)]
struct Stored {
    rows: Vec<RowCells>,
    outcomes: Vec<Outcome>,
    /// The uploader's language, which reads the text cells again on commit as on preview.
    #[serde(default = "english")]
    locale: Locale,
}

fn english() -> Locale {
    Locale::En
}

pub async fn upload(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, WebError> {
    let kind = kind_of(&path.into_inner())?;
    user.require(perm(kind))?;
    let limits = Limits::default();
    let (file_name, bytes) = match read_upload(&req, payload, limits.max_file).await {
        Ok(upload) => upload,
        Err(e) => return refused(&ui, kind, &e),
    };
    let i18n = ui.state.i18n.clone();
    let parsed = web::block(move || sheet::read_sheet(&bytes, kind, &i18n, &limits))
        .await
        .map_err(|e| WebError::Internal(anyhow::anyhow!("reading an upload: {e}")))?;
    let rows = match parsed {
        Ok(rows) => rows,
        Err(e) => return refused(&ui, kind, &e),
    };
    let (i18n, locale) = (ui.state.i18n.clone(), ui.locale());
    let (user_id, actor) = (user.user().id, user.actor(ui.client_addr()));
    let stored = db
        .read(
            move |conn| -> Result<Result<ImportBatchId, SheetError>, WebError> {
                let run = Run {
                    kind,
                    reading: Reading {
                        i18n: &i18n,
                        locale,
                    },
                    batch_id: None,
                    file_name: &file_name,
                    rows: &rows,
                    commit: false,
                    actor: &actor,
                };
                let report = import::run(conn, &run)?;
                let errors = report.errors() as i32;
                let stored = Stored {
                    rows,
                    outcomes: report.outcomes,
                    locale,
                };
                let json =
                    serde_json::to_string(&stored).map_err(|e| WebError::Internal(e.into()))?;
                if json.len() > limits.max_stored {
                    return Ok(Err(SheetError::PreviewTooLarge(limits.max_stored)));
                }
                let new = NewBatch {
                    kind: kind.as_str(),
                    user_id,
                    file_name: &file_name,
                    rows_json: &json,
                    error_count: errors,
                };
                let id = crate::db::write(conn, |conn| {
                    imports::prune_uncommitted(conn, crate::db::now() - imports::KEPT_UNCOMMITTED)?;
                    imports::insert(conn, &new)
                })?;
                Ok(Ok(id))
            },
        )
        .await?;
    let id = match stored {
        Ok(id) => id,
        Err(e) => return refused(&ui, kind, &e),
    };
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, paths::import_preview(kind, id)))
        .finish())
}

/// The upload page again, saying why the workbook was refused.
fn refused(ui: &Ui, kind: Kind, e: &SheetError) -> Result<HttpResponse, WebError> {
    let status = if e.too_large() {
        StatusCode::PAYLOAD_TOO_LARGE
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut message = e.message();
    if let SheetError::MissingColumns(cols) = e {
        let names: Vec<String> = cols.iter().map(|c| ui.t(c)).collect();
        message = message.arg("columns", names.join(", "));
    }
    upload_page(ui, kind, Some(message), status)
}

/// A value the row gives a new record.
#[derive(Serialize)]
struct ValueView {
    field: String,
    value: String,
}

/// A stored value the row changes.
#[derive(Serialize)]
struct ChangeView {
    field: String,
    before: String,
    after: String,
    /// The value is removed (the clear marker).
    cleared: bool,
}

#[derive(Serialize)]
struct RowView {
    line: usize,
    label: String,
    status: &'static str,
    status_label: String,
    /// What a new record gets, as parsed.
    values: Vec<ValueView>,
    /// What changes on a stored record, before → after.
    changes: Vec<ChangeView>,
    errors: Vec<String>,
}

#[derive(Serialize)]
struct PreviewView {
    kind: &'static str,
    id: ImportBatchId,
    title: String,
    file_name: String,
    rows: Vec<RowView>,
    summary: String,
    /// Example rows of an old template, skipped.
    examples: Option<String>,
    blank_rule: String,
    clear_rule: String,
    has_errors: bool,
    /// No row adds or changes anything: saving would do nothing.
    nothing_to_save: bool,
    committed: bool,
    refused: bool,
}

fn status_name(s: Status) -> &'static str {
    match s {
        Status::New => "new",
        Status::Changed => "changed",
        Status::Unchanged => "unchanged",
        Status::Error => "error",
        Status::Example => "example",
    }
}

/// A value as the reader writes it: amounts and numbers with the reader's marks, dates in the
/// reader's format, labels translated.
fn value_text(ui: &Ui, value: &Value) -> String {
    let (formats, locale) = (ui.formats(), ui.locale());
    match value {
        Value::Empty => ui.t(key("imports-value-empty")),
        Value::Text(text) => text.clone(),
        Value::Number(n) => formats.decimal_str(locale, n),
        Value::Integer(n) => formats.integer(locale, *n),
        Value::Date(d) => formats.date(locale, *d),
        Value::Money { amount, currency } => {
            format!("{} {currency}", formats.decimal_str(locale, amount))
        }
        Value::Label(id) => ui.state.i18n.t(locale, id, &[]),
    }
}

fn row_view(ui: &Ui, o: &Outcome) -> RowView {
    let field = |c: &Change| ui.state.i18n.t(ui.locale(), &c.field, &[]);
    RowView {
        line: o.line,
        label: o.label.clone(),
        status: status_name(o.status),
        status_label: ui.t(import::status_key(o.status)),
        values: o
            .changes
            .iter()
            .filter(|c| c.before.is_none())
            .map(|c| ValueView {
                field: field(c),
                value: value_text(ui, &c.after),
            })
            .collect(),
        changes: o
            .changes
            .iter()
            .filter_map(|c| {
                let before = c.before.as_ref()?;
                Some(ChangeView {
                    field: field(c),
                    before: value_text(ui, before),
                    after: value_text(ui, &c.after),
                    cleared: c.after == Value::Empty,
                })
            })
            .collect(),
        errors: o.errors.iter().map(|m| ui.message(m)).collect(),
    }
}

/// Why a batch's preview is shown.
#[derive(PartialEq, Eq)]
enum Shown {
    /// After the upload, or opened again.
    Preview,
    /// A commit was refused because rows are in error (422).
    CommitRefused,
}

/// Whether saving the rows would add or change anything.
fn anything_to_save(outcomes: &[Outcome]) -> bool {
    outcomes
        .iter()
        .any(|o| matches!(o.status, Status::New | Status::Changed))
}

fn preview_page(
    ui: &Ui,
    kind: Kind,
    batch: &imports::Batch,
    outcomes: &[Outcome],
    shown: Shown,
) -> Result<HttpResponse, WebError> {
    let count = |s: Status| outcomes.iter().filter(|o| o.status == s).count() as i64;
    let summary = ui.message(
        &Message::new("imports-summary")
            .count("new", count(Status::New))
            .count("changed", count(Status::Changed))
            .count("unchanged", count(Status::Unchanged))
            .count("errors", count(Status::Error)),
    );
    let examples = count(Status::Example);
    let view = PreviewView {
        kind: kind.as_str(),
        id: batch.id,
        title: ui.t(kind.title()),
        file_name: batch.file_name.clone(),
        rows: outcomes.iter().map(|o| row_view(ui, o)).collect(),
        summary,
        examples: (examples > 0).then(|| {
            ui.message(&Message::new("imports-summary-examples").count("count", examples))
        }),
        blank_rule: ui.t(key("imports-help-blank")),
        clear_rule: clear_rule(ui),
        has_errors: outcomes.iter().any(|o| o.status == Status::Error),
        nothing_to_save: !anything_to_save(outcomes),
        committed: batch.committed_at.is_some(),
        refused: shown == Shown::CommitRefused,
    };
    let status = match shown {
        Shown::Preview => StatusCode::OK,
        Shown::CommitRefused => StatusCode::UNPROCESSABLE_ENTITY,
    };
    ui.render(status, "imports/preview.html", &view)
}

async fn load(
    db: &Db,
    user: &CurrentUser,
    kind: Kind,
    id: ImportBatchId,
) -> Result<(imports::Batch, Stored), WebError> {
    // Only the importer's own batches, of the kind the path names.
    let me = user.user().id;
    let batch = db
        .find(move |conn| {
            let found = imports::find(conn, id)?;
            Ok(found.filter(|b| b.kind == kind.as_str() && b.user_id == me))
        })
        .await?;
    let stored: Stored = serde_json::from_str(&batch.rows_json)
        .map_err(|e| WebError::Internal(anyhow::anyhow!("import batch {id}: {e}")))?;
    Ok((batch, stored))
}

pub async fn preview(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<(String, ImportBatchId)>,
) -> Result<HttpResponse, WebError> {
    let (segment, id) = path.into_inner();
    let kind = kind_of(&segment)?;
    user.require(perm(kind))?;
    let (batch, stored) = load(&db, &user, kind, id).await?;
    preview_page(&ui, kind, &batch, &stored.outcomes, Shown::Preview)
}

pub async fn commit(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<(String, ImportBatchId)>,
) -> Result<HttpResponse, WebError> {
    let (segment, id) = path.into_inner();
    let kind = kind_of(&segment)?;
    user.require(perm(kind))?;
    let (batch, stored) = load(&db, &user, kind, id).await?;
    if batch.committed_at.is_some() {
        return Ok(ui.see_other(
            &paths::import_preview(kind, id),
            Flash::error(Message::new("imports-already-committed")),
        ));
    }
    // As the disabled button says: a batch whose preview adds and changes nothing (and has no
    // error, which the commit below refuses with the rows) is not saved.
    let errors = stored.outcomes.iter().any(|o| o.status == Status::Error);
    if !errors && !anything_to_save(&stored.outcomes) {
        return Ok(ui.see_other(
            &paths::import_preview(kind, id),
            Flash::error(Message::new("imports-nothing-to-save")),
        ));
    }
    let i18n = ui.state.i18n.clone();
    let (actor, file) = (user.actor(ui.client_addr()), batch.file_name.clone());
    let (rows, locale) = (stored.rows, stored.locale);
    let report = db
        .read(move |conn| -> Result<_, WebError> {
            let run = Run {
                kind,
                reading: Reading {
                    i18n: &i18n,
                    locale,
                },
                batch_id: Some(id),
                file_name: &file,
                rows: &rows,
                commit: true,
                actor: &actor,
            };
            Ok(import::run(conn, &run)?)
        })
        .await?;
    if report.committed {
        let count = report
            .outcomes
            .iter()
            .filter(|o| o.status != Status::Unchanged)
            .count();
        return Ok(ui.see_other(
            list_path(kind),
            Flash::success(Message::new("imports-committed").count("count", count as i64)),
        ));
    }
    preview_page(&ui, kind, &batch, &report.outcomes, Shown::CommitRefused)
}
