//! An audit row read as a sentence, before it is put into words: which message says it, with
//! which pieces (who acted, which record, which values), and the lines beneath it (each field
//! that changed). Every kind of action recorded has its sentence; a row this code cannot read
//! (an action unknown here, an old shape) gets a generic one, never its raw JSON.

use serde_json::Value as Json;

use super::actions::{Action, noun, parse_action, verb_key};
use super::fields::{self, Context, FieldChange, FieldValue, Value};
use super::imports::{import_kind, import_lines};
use super::phrase::{Line, Phrase, Piece, Record, id_of, text_of};
use crate::db::activity::{Named, Ref, pair_name};
use crate::db::audit::{Entity, Event, Verb};
use crate::db::master::vehicles;
use crate::domain::ids::{
    AgencyId, AllotmentId, ContactId, ExchangeRateId, GuideId, PeakId, RoomRateId, RoomTypeId,
    SupplierId, UserId, VehicleId,
};
use crate::domain::master::suppliers::SupplierKind;
use crate::domain::message::key;
use crate::domain::time::YearStyle;

/// What an audit row holds, as this module reads it.
#[derive(Debug, Clone, Default)]
pub struct Logged {
    pub action: String,
    pub entity_id: Option<String>,
    /// The user who acted, when one was signed in.
    pub user_id: Option<i64>,
    pub before: Option<Json>,
    pub after: Option<Json>,
}

impl Logged {
    /// The row's fields; JSON that does not parse is treated as absent.
    pub fn of(row: &crate::db::audit::Row) -> Logged {
        let json = |t: &Option<String>| t.as_deref().and_then(|t| serde_json::from_str(t).ok());
        Logged {
            action: row.action.clone(),
            entity_id: row.entity_id.clone(),
            user_id: row.user_id,
            before: json(&row.before_json),
            after: json(&row.after_json),
        }
    }
}

/// A row in sentences: the headline and what it details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Description {
    pub headline: Phrase,
    pub lines: Vec<Line>,
    /// Records the sentence names, to be looked up before it is put into words.
    pub mentions: Vec<Ref>,
}

/// The record an action on `entity` with stored id `id` is about, if it has one.
fn subject(entity: Entity, id: Option<&str>) -> Option<Ref> {
    let id: i64 = id?.parse().ok()?;
    Some(match entity {
        Entity::User => Ref::User(UserId(id)),
        Entity::Supplier => Ref::Supplier(SupplierId(id)),
        Entity::RoomType => Ref::RoomType(RoomTypeId(id)),
        Entity::RoomRate => Ref::RoomRate(RoomRateId(id)),
        Entity::HotelContract => Ref::HotelContract(SupplierId(id)),
        Entity::Peak => Ref::Peak(PeakId(id)),
        Entity::Allotment => Ref::Allotment(AllotmentId(id)),
        Entity::Vehicle => Ref::Vehicle(VehicleId(id)),
        Entity::Guide => Ref::Guide(GuideId(id)),
        Entity::Agency => Ref::Agency(AgencyId(id)),
        Entity::Contact => Ref::Contact(ContactId(id)),
        Entity::ExchangeRate => Ref::ExchangeRate(ExchangeRateId(id)),
        Entity::ImportBatch
        | Entity::Tenant
        | Entity::Demo
        | Entity::Tour
        | Entity::TourDay
        | Entity::TourLine
        | Entity::Costing
        | Entity::Quotation
        | Entity::Group => return None,
    })
}

/// What the row says of its record: its name then (after the change, else before), its kind,
/// what it belongs to, its currency.
fn logged_name(entity: Entity, row: &Logged) -> Named {
    let (after, before) = (row.after.as_ref(), row.before.as_ref());
    let text = |k: &str| text_of(after, k).or_else(|| text_of(before, k));
    let id = |k: &str| id_of(after, k).or_else(|| id_of(before, k));
    let name = match entity {
        Entity::RoomRate => text("season"),
        Entity::HotelContract => text("reference"),
        Entity::Allotment => None,
        Entity::Vehicle => {
            text("type").map(|t| vehicles::label(&t, &text("plate").unwrap_or_default()))
        }
        Entity::ExchangeRate => match (text("from"), text("to")) {
            (Some(from), Some(to)) => Some(pair_name(&from, &to)),
            _ => None,
        },
        _ => text("name"),
    };
    let parent = match entity {
        Entity::RoomType | Entity::Peak => id("hotel").map(|i| Ref::Supplier(SupplierId(i))),
        Entity::Allotment => id("room_type").map(|i| Ref::RoomType(RoomTypeId(i))),
        Entity::HotelContract => row
            .entity_id
            .as_deref()
            .and_then(|i| i.parse().ok())
            .map(|i| Ref::Supplier(SupplierId(i))),
        Entity::RoomRate => id("room_type").map(|i| Ref::RoomType(RoomTypeId(i))),
        Entity::Vehicle => id("company").map(|i| Ref::Supplier(SupplierId(i))),
        Entity::Contact => match (text("party").as_deref(), id("party_id")) {
            (Some("supplier"), Some(i)) => Some(Ref::Supplier(SupplierId(i))),
            (Some("agency"), Some(i)) => Some(Ref::Agency(AgencyId(i))),
            _ => None,
        },
        _ => None,
    };
    Named {
        name: name.unwrap_or_default(),
        kind: text("kind").and_then(|k| SupplierKind::parse(&k)),
        parent,
        currency: text(if entity == Entity::ExchangeRate {
            "to"
        } else {
            "currency"
        })
        .and_then(|c| crate::domain::currency::Currency::parse(&c).ok()),
        date: text("date").and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
    }
}

/// `row` as a sentence.
pub fn describe(row: &Logged) -> Description {
    match parse_action(&row.action) {
        Some(Action::Change(entity, verb)) => change(entity, verb, row),
        Some(Action::Event(event)) => Description {
            headline: event_phrase(event, row),
            lines: Vec::new(),
            mentions: Vec::new(),
        },
        None => unknown(row),
    }
}

fn change_lines(found: Vec<FieldChange>) -> Vec<Line> {
    found
        .into_iter()
        .map(|c| Line {
            phrase: Phrase {
                id: key("activity-change-line"),
                args: vec![
                    ("field", Piece::Field(c.name)),
                    ("before", Piece::Value(c.before)),
                    ("after", Piece::Value(c.after)),
                ],
            },
            nested: false,
        })
        .collect()
}

fn value_lines(found: Vec<FieldValue>) -> Vec<Line> {
    found
        .into_iter()
        .map(|v| Line {
            phrase: Phrase {
                id: key("activity-value-line"),
                args: vec![
                    ("field", Piece::Field(v.name)),
                    ("value", Piece::Value(v.value)),
                ],
            },
            nested: false,
        })
        .collect()
}

fn change(entity: Entity, verb: Verb, row: &Logged) -> Description {
    let Some(of) = subject(entity, row.entity_id.as_deref()) else {
        return without_record(entity, verb, row);
    };
    let logged = logged_name(entity, row);
    let mut mentions = vec![of];
    mentions.extend(logged.parent);
    let record = Piece::Record(Record { of, logged });
    let cx = Context { owner: Some(of) };
    let (after, before) = (row.after.as_ref(), row.before.as_ref());
    let mut lines = Vec::new();
    let headline = match verb {
        Verb::Create if entity == Entity::User => {
            let obj = after.and_then(Json::as_object).cloned().unwrap_or_default();
            let role = fields::fields(Entity::User)
                .iter()
                .find(|f| f.key == "role")
                .map_or(Value::Empty, |f| fields::value(f, &obj, cx));
            Phrase::new(key("activity-user-created"))
                .with("record", record)
                .with("role", Piece::Value(role))
        }
        Verb::Create => {
            lines = value_lines(fields::values(entity, after, cx));
            Phrase::new(key("activity-created")).with("record", record)
        }
        Verb::Update => {
            let mut found = fields::changes(entity, before, after, cx);
            match found.len() {
                0 => Phrase::new(key("activity-changed-nothing")).with("record", record),
                1 => {
                    let c = found.remove(0);
                    Phrase::new(key("activity-changed-one"))
                        .with("field", Piece::Field(c.name))
                        .with("record", record)
                        .with("before", Piece::Value(c.before))
                        .with("after", Piece::Value(c.after))
                }
                _ => {
                    let names = found.iter().map(|c| c.name.clone()).collect();
                    lines = change_lines(found);
                    Phrase::new(key("activity-changed-many"))
                        .with("fields", Piece::Fields(names))
                        .with("record", record)
                }
            }
        }
        Verb::Archive => Phrase::new(key("activity-archived")).with("record", record),
        Verb::Restore => Phrase::new(key("activity-restored")).with("record", record),
        Verb::Delete => {
            lines = value_lines(fields::values(entity, before, cx));
            Phrase::new(key("activity-deleted")).with("record", record)
        }
        Verb::Disable => Phrase::new(key("activity-user-disabled")).with("record", record),
        Verb::Enable => Phrase::new(key("activity-user-enabled")).with("record", record),
        Verb::ResetPassword => {
            Phrase::new(key("activity-user-reset-password")).with("record", record)
        }
        Verb::SetPassword => Phrase::new(key("activity-user-set-password")).with("record", record),
        Verb::ChangePassword if Some(of) == row.user_id.map(|u| Ref::User(UserId(u))) => {
            Phrase::new(key("activity-user-changed-own-password"))
        }
        Verb::ChangePassword => {
            Phrase::new(key("activity-user-changed-password")).with("record", record)
        }
        Verb::ChangeLocale => {
            let language = text_of(after, "locale")
                .and_then(|t| crate::domain::locale::Locale::parse(&t).ok())
                .map_or(Value::Empty, |l| Value::Text(l.native_name().to_owned()));
            Phrase::new(key("activity-user-changed-locale"))
                .with("language", Piece::Value(language))
        }
        Verb::ChangeYearStyle => {
            let style = text_of(after, "year_style")
                .and_then(|t| YearStyle::parse(&t).ok())
                .map_or(Value::Empty, |y| {
                    Value::Label(match y {
                        YearStyle::Gregorian => key("time-zone-years-gregorian"),
                        YearStyle::Buddhist => key("time-zone-years-buddhist"),
                    })
                });
            Phrase::new(key("activity-user-changed-year-style")).with("style", Piece::Value(style))
        }
        Verb::Commit
        | Verb::Provision
        | Verb::Seed
        | Verb::ChangeTimeZone
        | Verb::Copy
        | Verb::Reorder
        | Verb::ChangeStatus => Phrase::new(key("activity-generic"))
            .with("what", record)
            .with("verb", Piece::Label(verb_key(verb))),
    };
    Description {
        headline,
        lines,
        mentions,
    }
}

/// Actions on what has no page: an import, the tenant, the demo data.
fn without_record(entity: Entity, verb: Verb, row: &Logged) -> Description {
    let after = row.after.as_ref();
    let mut lines = Vec::new();
    let headline = match (entity, verb) {
        (Entity::ImportBatch, Verb::Commit) => {
            let count = |k: &str| Piece::Count(id_of(after, k).unwrap_or(0));
            lines = import_lines(after);
            Phrase::new(key("activity-import-committed"))
                .with(
                    "file",
                    Piece::Text(text_of(after, "file").unwrap_or_default()),
                )
                .with("kind", import_kind(text_of(after, "kind").as_deref()))
                .with("new", count("new"))
                .with("changed", count("changed"))
        }
        (Entity::Tenant, Verb::Provision) => Phrase::new(key("activity-tenant-provisioned")).with(
            "admin",
            Piece::Text(text_of(after, "admin").unwrap_or_default()),
        ),
        (Entity::Tenant, Verb::ChangeTimeZone) => {
            let zone = |json: Option<&Json>| {
                Piece::Value(text_of(json, "time_zone").map_or(Value::Empty, Value::Text))
            };
            Phrase::new(key("activity-tenant-changed-time-zone"))
                .with("zone", zone(after))
                .with("before", zone(row.before.as_ref()))
        }
        (Entity::Demo, Verb::Seed) => Phrase::new(key("activity-demo-seeded")),
        _ => Phrase::new(key("activity-generic"))
            .with("what", Piece::Noun(noun(entity)))
            .with("verb", Piece::Label(verb_key(verb))),
    };
    Description {
        headline,
        lines,
        mentions: Vec::new(),
    }
}

fn event_phrase(event: Event, row: &Logged) -> Phrase {
    let path = || Piece::Text(row.entity_id.clone().unwrap_or_default());
    match event {
        Event::SignIn => Phrase::new(key("activity-signed-in")),
        Event::SignInFailed => Phrase::new(key("activity-sign-in-failed")),
        Event::SignInThrottled => Phrase::new(key("activity-sign-in-throttled")),
        Event::SignInRefusedDisabled => Phrase::new(key("activity-sign-in-disabled")),
        Event::SignOut => Phrase::new(key("activity-signed-out")),
        Event::RefusedForeignOrigin => {
            Phrase::new(key("activity-refused-foreign-origin")).with("path", path())
        }
        Event::RefusedCsrfMissing | Event::RefusedCsrfWrong => {
            Phrase::new(key("activity-refused-csrf")).with("path", path())
        }
        Event::RefusedFormTooLarge => {
            Phrase::new(key("activity-refused-too-large")).with("path", path())
        }
        Event::RefusedPermission => {
            Phrase::new(key("activity-refused-permission")).with("path", path())
        }
    }
}

/// A row whose action this code does not know: the action's name made readable, and whatever
/// fields differ, read by their shape.
fn unknown(row: &Logged) -> Description {
    let readable = row
        .action
        .split('.')
        .map(fields::readable_key)
        .collect::<Vec<_>>()
        .join(" · ");
    let action = Piece::Text(readable);
    let headline = match row.entity_id.clone() {
        Some(id) => Phrase::new(key("activity-unknown-record"))
            .with("action", action)
            .with("id", Piece::Text(id)),
        None => Phrase::new(key("activity-unknown")).with("action", action),
    };
    // No entity's table applies: every key is read by its shape.
    let lines = change_lines(fields::changes_in(
        &[],
        row.before.as_ref(),
        row.after.as_ref(),
        Context { owner: None },
    ));
    Description {
        headline,
        lines,
        mentions: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::activity::fields::FieldName;
    use crate::web::activity::imports::IMPORT_ROWS_SHOWN;
    use serde_json::json;

    fn logged(action: &str, id: &str, before: Option<Json>, after: Option<Json>) -> Logged {
        Logged {
            action: action.into(),
            entity_id: Some(id.into()),
            user_id: Some(1),
            before,
            after,
        }
    }

    #[test]
    fn a_single_change_is_one_sentence() {
        let row = logged(
            "agency.update",
            "4",
            Some(
                json!({"name": "Golden Dragon", "currency": "CNY", "credit_limit_minor": 50_000_000}),
            ),
            Some(
                json!({"name": "Golden Dragon", "currency": "USD", "credit_limit_minor": 5_000_000}),
            ),
        );
        let d = describe(&row);
        assert_eq!(d.headline.id, "activity-changed-one");
        assert!(d.lines.is_empty());
        assert_eq!(d.mentions, [Ref::Agency(AgencyId(4))]);
        let record = d.headline.args.iter().find(|(n, _)| *n == "record");
        match record {
            Some((_, Piece::Record(r))) => assert_eq!(r.logged.name, "Golden Dragon"),
            other => panic!("no record: {other:?}"),
        }
    }

    #[test]
    fn several_changes_are_listed_under_the_sentence() {
        let row = logged(
            "contact.update",
            "9",
            Some(json!({"name": "Khun Ploy", "position": "Reservations", "phone": ""})),
            Some(json!({"name": "Khun Ploy", "position": "Front office", "phone": "02 123"})),
        );
        let d = describe(&row);
        assert_eq!(d.headline.id, "activity-changed-many");
        assert_eq!(
            d.headline.args[1],
            (
                "fields",
                Piece::Fields(vec![
                    FieldName::Known("activity-field-position"),
                    FieldName::Known("activity-field-phone"),
                ])
            )
        );
        assert_eq!(d.lines.len(), 2);
        assert_eq!(
            d.lines[1].phrase.args[1],
            ("before", Piece::Value(Value::Empty))
        );
    }

    #[test]
    fn an_archived_room_type_names_its_hotel_through_the_lookup() {
        let row = logged(
            "room-type.archive",
            "12",
            Some(json!({"archived": false})),
            Some(json!({"archived": true})),
        );
        let d = describe(&row);
        assert_eq!(d.headline.id, "activity-archived");
        assert_eq!(d.mentions, [Ref::RoomType(RoomTypeId(12))]);
        let row = logged(
            "room-type.create",
            "12",
            None,
            Some(json!({"name": "Deluxe", "kind": "twin", "max_occupancy": 2, "hotel": 3})),
        );
        let d = describe(&row);
        assert_eq!(
            d.mentions,
            [Ref::RoomType(RoomTypeId(12)), Ref::Supplier(SupplierId(3))]
        );
        assert_eq!(d.lines.len(), 3, "name, kind and occupancy: {:?}", d.lines);
    }

    #[test]
    fn own_password_changes_say_so() {
        let row = logged("user.change-password", "1", None, None);
        assert_eq!(
            describe(&row).headline.id,
            "activity-user-changed-own-password"
        );
        let row = logged("user.reset-password", "2", None, None);
        assert_eq!(describe(&row).headline.id, "activity-user-reset-password");
    }

    #[test]
    fn an_import_lists_its_rows_and_counts_the_rest() {
        let rows: Vec<Json> = (1..=25)
            .map(|i| json!({"line": i + 1, "label": format!("Agency {i}"), "status": "changed",
                "changes": [{"field": "agencies-credit-limit", "before": "500,000.00", "after": "50,000.00"}]}))
            .collect();
        let row = logged(
            "import.commit",
            "3",
            None,
            Some(
                json!({"kind": "agencies", "file": "clients.xlsx", "new": 0, "changed": 25, "rows": rows}),
            ),
        );
        let d = describe(&row);
        assert_eq!(d.headline.id, "activity-import-committed");
        assert_eq!(d.lines.len(), IMPORT_ROWS_SHOWN * 2 + 1);
        assert!(d.lines[1].nested);
        assert_eq!(
            d.lines[1].phrase.args[0],
            (
                "field",
                Piece::Field(FieldName::Logged("agencies-credit-limit".into()))
            )
        );
        let last = d.lines.last().map(|l| l.phrase.clone());
        assert_eq!(
            last,
            Some(Phrase {
                id: "activity-import-more",
                args: vec![("count", Piece::Count(5))]
            })
        );
    }

    #[test]
    fn an_import_reads_typed_values_and_new_rows_as_values() {
        let row = logged(
            "import.commit",
            "4",
            None,
            Some(
                json!({"kind": "agencies", "file": "clients.xlsx", "new": 1, "changed": 1, "rows": [
                    {"line": 2, "label": "Golden Dragon", "status": "changed", "changes": [
                        {"field": "agencies-credit-limit",
                         "before": {"type": "money", "value": {"amount": "500000.00", "currency": "CNY"}},
                         "after": {"type": "money", "value": {"amount": "50000.00", "currency": "USD"}}}]},
                    {"line": 3, "label": "Seoul Tours", "status": "new", "changes": [
                        {"field": "agencies-credit-days", "before": null, "after": {"type": "integer", "value": 30}}]}
                ]}),
            ),
        );
        let d = describe(&row);
        let cny = crate::domain::currency::Currency::parse("CNY").expect("CNY");
        assert_eq!(
            d.lines[1].phrase.args[1],
            (
                "before",
                Piece::Value(Value::Money {
                    minor: 50_000_000,
                    currency: fields::CurrencyOf::Known(cny)
                })
            )
        );
        assert_eq!(d.lines[3].phrase.id, "activity-value-line");
        assert_eq!(
            d.lines[3].phrase.args[1],
            ("value", Piece::Value(Value::Integer(30)))
        );
    }

    #[test]
    fn a_deleted_rate_is_named_from_the_row_with_its_values() {
        let row = logged(
            "exchange-rate.delete",
            "8",
            Some(
                json!({"date": "2027-03-12", "from": "USD", "to": "THB", "rate": "35.1", "source": "BOT"}),
            ),
            None,
        );
        let d = describe(&row);
        assert_eq!(d.headline.id, "activity-deleted");
        assert_eq!(d.lines.len(), 5, "{:?}", d.lines);
    }

    #[test]
    fn an_unknown_action_reads_generically() {
        let row = logged(
            "room-type.split",
            "5",
            Some(json!({"name": "Deluxe"})),
            None,
        );
        let d = describe(&row);
        assert_eq!(d.headline.id, "activity-unknown-record");
        assert_eq!(
            d.headline.args[1],
            ("action", Piece::Text("room type · split".into()))
        );
        assert_eq!(d.lines.len(), 1);
        let broken = Logged {
            action: "agency.update".into(),
            entity_id: Some("not-a-number".into()),
            ..Logged::default()
        };
        assert_eq!(describe(&broken).headline.id, "activity-generic");
    }
}
