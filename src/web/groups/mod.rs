//! Group (departure) pages: the list (`list`), the departures calendar (`calendar`), the
//! new-group form (`create`), the group's page with its tab bar (`show`) and its status moves
//! (`status`). What they share — a status as a badge, pax in words — is here.

pub mod calendar;
pub mod create;
pub mod list;
pub mod show;
pub mod status;

use crate::domain::groups::status::GroupStatus;
use crate::domain::message::Message;
use crate::web::extract::Ui;
use crate::web::kit::list::{CellView, Tone};

/// How a status reads at a glance: running or ahead is good, ended is neutral, cancelled bad.
fn tone(status: GroupStatus) -> Tone {
    match status {
        GroupStatus::Quoted => Tone::Watch,
        GroupStatus::Confirmed | GroupStatus::Operating => Tone::Good,
        GroupStatus::Completed | GroupStatus::Closed => Tone::Unknown,
        GroupStatus::Cancelled => Tone::Bad,
    }
}

/// A status as a list's badge.
fn status_cell(ui: &Ui, status: GroupStatus) -> CellView {
    CellView::status(ui.t(status.label()), tone(status))
}

/// The badge's CSS class, for pages that draw it themselves.
fn status_class(status: GroupStatus) -> &'static str {
    status_cell_class(tone(status))
}

fn status_cell_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => "badge on",
        Tone::Watch => "badge warn",
        Tone::Bad => "badge off",
        Tone::Unknown => "badge none",
    }
}

/// "22 (20 paying + 1 FOC + 1 TL)", in the reader's language.
fn pax_text(ui: &Ui, paying: i32, foc: i32, leaders: i32) -> String {
    ui.message(
        &Message::new("groups-pax-line")
            .count("total", i64::from(paying + foc + leaders))
            .count("paying", i64::from(paying))
            .count("foc", i64::from(foc))
            .count("leaders", i64::from(leaders)),
    )
}
