//! The dashboard's sections: who sees which, what each reads, and how each item reads.
//!
//! - What expires (guides' licences): roles that see guides.
//! - Currencies without a rate for today: roles that see exchange rates; the way to add one
//!   for those who may.
//! - Imports left in preview: the reader's own (batches are private to their uploader), for
//!   the kinds the reader may still import.
//! - Recent changes: everyone's for roles that read the audit log, otherwise the reader's own;
//!   changes to records only, not sign-ins.

use chrono::NaiveDate;
use serde::Serialize;

use crate::db;
use crate::db::dashboard::OpenImport;
use crate::domain::access::{Perm, Role};
use crate::domain::currency::Currency;
use crate::domain::dashboard::{
    Expiring, Expiry, MissingRate, expiry, expiry_horizon, missing_rates, sort_expiring,
};
use crate::domain::ids::UserId;
use crate::domain::message::{Message, key};
use crate::import::Kind;
use crate::web::activity::{self, Described, imports};
use crate::web::error::WebError;
use crate::web::extract::Ui;
use crate::web::paths;

/// How many changes the dashboard lists; the audit page has the rest.
pub const RECENT_CHANGES: i64 = 8;

/// Which sections a role sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sections {
    /// Guides' licences (roles that see guides) and hotels' contracts (roles that see
    /// suppliers), in one list.
    pub expiring_licences: bool,
    pub expiring_contracts: bool,
    pub rates: bool,
    pub imports: bool,
    /// Everyone's changes rather than the reader's own.
    pub all_changes: bool,
}

impl Sections {
    pub fn for_role(role: Role) -> Sections {
        Sections {
            expiring_licences: role.permits(Perm::GuidesView),
            expiring_contracts: role.permits(Perm::SuppliersView),
            rates: role.permits(Perm::RatesView),
            imports: Kind::ALL
                .into_iter()
                .any(|k| role.permits(crate::web::imports::perm(k))),
            all_changes: role.permits(Perm::AuditView),
        }
    }
}

/// What the dashboard read, each section `None` when the role does not see it.
pub struct Read {
    pub active_users: i64,
    pub expiring: Option<Vec<Expiring>>,
    pub rates: Option<Vec<MissingRate>>,
    pub imports: Option<Vec<OpenImport>>,
    pub recent: Described,
}

/// Reads every section `sections` holds, in one read.
pub fn read(
    conn: &mut db::AnyConnection,
    sections: Sections,
    me: UserId,
    base: Currency,
    today: NaiveDate,
) -> Result<Read, WebError> {
    let expiring = if sections.expiring_licences || sections.expiring_contracts {
        let horizon = expiry_horizon(today);
        let mut items = Vec::new();
        if sections.expiring_licences {
            items.extend(db::dashboard::expiring_licences(conn, horizon)?);
        }
        if sections.expiring_contracts {
            items.extend(db::dashboard::expiring_contracts(conn, horizon)?);
        }
        sort_expiring(&mut items);
        Some(items)
    } else {
        None
    };
    let rates = if sections.rates {
        let currencies = db::dashboard::currencies_in_use(conn, base)?;
        let latest = db::dashboard::latest_rate_dates(conn, base, &currencies, today)?;
        Some(missing_rates(&latest, today))
    } else {
        None
    };
    let imports = if sections.imports {
        Some(db::dashboard::open_imports(conn, me)?)
    } else {
        None
    };
    let filter = db::audit::Filter {
        user_id: (!sections.all_changes).then_some(me),
        changes_only: true,
        limit: RECENT_CHANGES,
        ..Default::default()
    };
    let (rows, _) = db::audit::list(conn, &filter)?;
    Ok(Read {
        active_users: db::auth::users::count_active(conn)?,
        expiring,
        rates,
        imports,
        recent: activity::describe_rows(conn, rows)?,
    })
}

/// One thing that expires, as the dashboard lists it.
#[derive(Debug, Serialize)]
pub struct ExpiringView {
    /// What expires (`Guide licence`).
    pub what: String,
    pub name: String,
    pub href: String,
    /// When, in words: `expires on 12 Apr 2027, in 20 days`.
    pub when: String,
    pub expired: bool,
}

fn when_text(ui: &Ui, on: NaiveDate, state: Expiry) -> String {
    let date = |m: Message| m.date("date", on);
    ui.message(&match state {
        Expiry::Expired { days_ago } => {
            date(Message::new("dashboard-expired-on")).count("days", days_ago)
        }
        Expiry::Expires { in_days: 0 } => date(Message::new("dashboard-expires-today")),
        Expiry::Expires { in_days } => {
            date(Message::new("dashboard-expires-on")).count("days", in_days)
        }
    })
}

pub fn expiring_views(ui: &Ui, items: Vec<Expiring>, today: NaiveDate) -> Vec<ExpiringView> {
    items
        .into_iter()
        .filter_map(|item| {
            let on = item.expires_on();
            let state = expiry(on, today)?;
            let (what, name, href) = match item {
                Expiring::Licence { guide, name, .. } => {
                    (key("dashboard-what-licence"), name, paths::guide(guide))
                }
                Expiring::Contract { hotel, name, .. } => {
                    (key("dashboard-what-contract"), name, paths::hotel(hotel))
                }
            };
            Some(ExpiringView {
                what: ui.t(what),
                name,
                href,
                when: when_text(ui, on, state),
                expired: matches!(state, Expiry::Expired { .. }),
            })
        })
        .collect()
}

/// A currency without a rate for today.
#[derive(Debug, Serialize)]
pub struct MissingRateView {
    pub currency: &'static str,
    /// Its latest rate's date and age, or that it never had one.
    pub last: String,
    /// The form that adds its rate into the base currency, for those who may.
    pub add_href: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct RatesView {
    pub base: &'static str,
    pub missing: Vec<MissingRateView>,
    /// How old a rate may be before it no longer counts.
    pub stale_days: i64,
}

pub fn rates_view(ui: &Ui, missing: Vec<MissingRate>, role: Role, today: NaiveDate) -> RatesView {
    let base = ui.state.tenant.base_currency;
    let may_add = role.permits(Perm::RatesEdit);
    RatesView {
        base: base.code(),
        stale_days: crate::domain::fx::STALE_AFTER_DAYS,
        missing: missing
            .into_iter()
            .map(|m| MissingRateView {
                currency: m.currency.code(),
                last: ui.message(&match m.last {
                    Some(on) => Message::new("dashboard-rate-last")
                        .date("date", on)
                        .count("days", (today - on).num_days()),
                    None => Message::new("dashboard-rate-never"),
                }),
                add_href: may_add.then(|| paths::rate_new_for(m.currency, base)),
            })
            .collect(),
    }
}

/// An import waiting in preview.
#[derive(Debug, Serialize)]
pub struct ImportView {
    pub href: String,
    pub file_name: String,
    pub what: String,
    pub uploaded: String,
    /// How many rows are in error, when some are.
    pub errors: Option<String>,
}

/// The reader's imports in preview, of kinds their role may still import.
pub fn import_views(ui: &Ui, open: Vec<OpenImport>, role: Role) -> Vec<ImportView> {
    open.into_iter()
        .filter_map(|batch| {
            let kind = Kind::parse(&batch.kind)?;
            if !role.permits(crate::web::imports::perm(kind)) {
                return None;
            }
            Some(ImportView {
                href: paths::import_preview(kind, batch.id),
                what: ui.t(imports::import_kind_key(kind)),
                uploaded: activity::instant(ui, batch.created_at),
                errors: (batch.error_count > 0).then(|| {
                    ui.message(
                        &Message::new("dashboard-import-errors")
                            .count("count", i64::from(batch.error_count)),
                    )
                }),
                file_name: batch.file_name,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_sees_the_sections_of_what_it_may_see() {
        let admin = Sections::for_role(Role::Admin);
        assert!(admin.expiring_licences && admin.expiring_contracts);
        assert!(admin.rates && admin.imports && admin.all_changes);
        let viewer = Sections::for_role(Role::Viewer);
        assert!(viewer.expiring_licences && viewer.expiring_contracts && viewer.rates);
        assert!(
            !viewer.imports && !viewer.all_changes,
            "a viewer imports nothing and reads only their own changes"
        );
        let sales = Sections::for_role(Role::Sales);
        assert!(sales.imports && !sales.all_changes);
    }
}
