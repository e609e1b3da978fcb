//! The audit log in words, for the audit page and the dashboard: each row a sentence
//! (`describe`, of `phrase`s; an import's in `imports`), its action read back (`actions`), its
//! fields named and read (`fields`), put into the reader's language with links (`words`). Also the one place that says what "today" is and how an instant is shown
//! on these pages.

pub mod actions;
pub mod describe;
pub mod fields;
pub mod imports;
pub mod phrase;
pub mod words;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::QueryResult;
use serde::Serialize;

use crate::db::AnyConnection;
use crate::db::activity::{Named, Ref};
use crate::db::audit::Row;
use crate::domain::access::Role;
use crate::domain::message::key;
use crate::web::extract::Ui;
use describe::{Description, Logged};
use words::{Segment, Speaker};

/// Today's date for the dashboard's warnings: the agency's.
pub fn today(ui: &Ui) -> NaiveDate {
    ui.today()
}

/// An instant (when a row was logged, an import uploaded) as these pages show it: on the
/// agency's clock, labelled with its zone.
pub fn instant(ui: &Ui, at: NaiveDateTime) -> String {
    ui.formats().instant(ui.locale(), at)
}

/// Audit rows described, with what the records they name are called now: what a page of
/// sentences needs from the database.
pub struct Described {
    rows: Vec<(Row, Description)>,
    names: HashMap<Ref, Named>,
}

/// Describes `rows` and reads the names of the records they mention. Inside a read.
pub fn describe_rows(conn: &mut AnyConnection, rows: Vec<Row>) -> QueryResult<Described> {
    let rows: Vec<(Row, Description)> = rows
        .into_iter()
        .map(|r| {
            let d = describe::describe(&Logged::of(&r));
            (r, d)
        })
        .collect();
    let mentioned = rows.iter().flat_map(|(_, d)| d.mentions.iter().copied());
    let names = crate::db::activity::names(conn, mentioned)?;
    Ok(Described { rows, names })
}

/// One line under a sentence.
#[derive(Debug, Serialize)]
pub struct LineView {
    pub segments: Vec<Segment>,
    pub nested: bool,
}

/// One audit row as a page shows it.
#[derive(Debug, Serialize)]
pub struct EntryView {
    pub at: String,
    /// The stored action name (`agency.update`), for the page's markup only.
    pub action: String,
    pub sentence: Vec<Segment>,
    pub lines: Vec<LineView>,
    pub client_addr: String,
}

/// Who acted, as a sentence names them: their name, the e-mail typed at a sign-in, or the
/// command line.
fn actor(ui: &Ui, row: &Row) -> String {
    if let Some(name) = &row.user_name {
        return name.clone();
    }
    match (row.user_id, row.actor.as_deref()) {
        (None, Some("cli")) => ui.t(key("activity-actor-cli")),
        (None, Some("demo")) => ui.t(key("activity-actor-demo")),
        (_, Some(actor)) if !actor.is_empty() => actor.to_owned(),
        _ => ui.t(key("activity-actor-someone")),
    }
}

/// The rows in the reader's words; `lines` adds what each sentence details (the fields that
/// changed), which the dashboard leaves to the audit page.
pub fn entries(ui: &Ui, described: Described, role: Role, lines: bool) -> Vec<EntryView> {
    let formats = ui.formats();
    let speaker = Speaker {
        i18n: &ui.state.i18n,
        formats: &formats,
        locale: ui.locale(),
        role,
        names: &described.names,
    };
    described
        .rows
        .into_iter()
        .map(|(row, d)| {
            let who = actor(ui, &row);
            EntryView {
                at: instant(ui, row.at),
                sentence: speaker.say(&d.headline, &who),
                lines: if lines {
                    d.lines
                        .iter()
                        .map(|l| LineView {
                            segments: speaker.say(&l.phrase, &who),
                            nested: l.nested,
                        })
                        .collect()
                } else {
                    Vec::new()
                },
                action: row.action,
                client_addr: row.client_addr.unwrap_or_default(),
            }
        })
        .collect()
}
