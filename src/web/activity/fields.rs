//! The fields of each kind of record as the audit log keeps them (the `audit_json` of
//! `db::master::*` and `db::auth::accounts`): their names in words and how to read their
//! values, and the differences between a row's before and after.
//!
//! A key no table names (a field added later, an old shape) is still shown: its name made
//! readable (`contract_valid_until` → "contract valid until") and its value read by its shape.

use chrono::NaiveDate;
use serde_json::{Map, Value as Json};

use crate::db::activity::Ref;
use crate::db::audit::Entity;
use crate::domain::access::Role;
use crate::domain::currency::Currency;
use crate::domain::master::guides::{Language, LanguageLevel};
use crate::domain::master::suppliers::{CommissionBasis, RoomKind};
use crate::domain::message::key;
use crate::web::guides::level_key;
use crate::web::render::role_key;
use crate::web::suppliers::forms::room_kind_key;

/// How a field's stored value reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// Minor units in the currency named by the field `currency` of the same record.
    Money,
    /// Minor units in the currency of the record's owner (a vehicle's transport company).
    MoneyOfOwner,
    Date,
    Integer,
    Decimal,
    Percent,
    Bool,
    /// An agency's document language tag (`zh-CN`).
    Language,
    /// A guide's languages, `code:level` each.
    Languages,
    Role,
    RoomKind,
    CommissionBasis,
    /// A shop's split: agency, guide and driver percentages.
    Split,
    /// A contract rate's breakfast: `included`, `extra` (at a price) or `none`.
    Breakfast,
    /// Shown by the sentence itself, never as a line (ids of the parent, a supplier's kind);
    /// such fields have no name.
    Hidden,
}

/// One field of a record: its key in the audit JSON, its name (a message id) and its kind.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    pub kind: Kind,
}

const fn f(key: &'static str, label: &'static str, kind: Kind) -> Field {
    Field { key, label, kind }
}

const AGENCY: &[Field] = &[
    f("name", key("activity-field-name"), Kind::Text),
    f("country", key("activity-field-country"), Kind::Text),
    f("market", key("activity-field-market"), Kind::Text),
    f(
        "language",
        key("activity-field-document-language"),
        Kind::Language,
    ),
    f("currency", key("activity-field-currency"), Kind::Text),
    f(
        "credit_days",
        key("activity-field-credit-days"),
        Kind::Integer,
    ),
    f(
        "credit_limit_minor",
        key("activity-field-credit-limit"),
        Kind::Money,
    ),
    f(
        "contact_name",
        key("activity-field-contact-name"),
        Kind::Text,
    ),
    f("phone", key("activity-field-phone"), Kind::Text),
    f("email", key("activity-field-email"), Kind::Text),
    f("notes", key("activity-field-notes"), Kind::Text),
];

const GUIDE: &[Field] = &[
    f("name", key("activity-field-name"), Kind::Text),
    f("local_name", key("activity-field-local-name"), Kind::Text),
    f("phone", key("activity-field-phone"), Kind::Text),
    f("email", key("activity-field-email"), Kind::Text),
    f(
        "licence_number",
        key("activity-field-licence-number"),
        Kind::Text,
    ),
    f(
        "licence_expires_on",
        key("activity-field-licence-expires"),
        Kind::Date,
    ),
    f(
        "daily_fee_minor",
        key("activity-field-daily-fee"),
        Kind::Money,
    ),
    f("currency", key("activity-field-currency"), Kind::Text),
    f("active", key("activity-field-active"), Kind::Bool),
    f("notes", key("activity-field-notes"), Kind::Text),
    f(
        "languages",
        key("activity-field-languages"),
        Kind::Languages,
    ),
];

const SUPPLIER: &[Field] = &[
    f("kind", "", Kind::Hidden),
    f("name", key("activity-field-name"), Kind::Text),
    f("local_name", key("activity-field-local-name"), Kind::Text),
    f("city", key("activity-field-city"), Kind::Text),
    f("country", key("activity-field-country"), Kind::Text),
    f("address", key("activity-field-address"), Kind::Text),
    f(
        "contact_name",
        key("activity-field-contact-name"),
        Kind::Text,
    ),
    f("phone", key("activity-field-phone"), Kind::Text),
    f("email", key("activity-field-email"), Kind::Text),
    f("currency", key("activity-field-currency"), Kind::Text),
    f("notes", key("activity-field-notes"), Kind::Text),
    f("stars", key("activity-field-stars"), Kind::Integer),
    f(
        "breakfast_minor",
        key("activity-field-breakfast"),
        Kind::Money,
    ),
    f("lunch_minor", key("activity-field-lunch"), Kind::Money),
    f("dinner_minor", key("activity-field-dinner"), Kind::Money),
    f("adult_minor", key("activity-field-adult"), Kind::Money),
    f("child_minor", key("activity-field-child"), Kind::Money),
    f("shop_kind", key("activity-field-shop-kind"), Kind::Text),
    f(
        "commission_basis",
        key("activity-field-commission-basis"),
        Kind::CommissionBasis,
    ),
    f(
        "commission_percent",
        key("activity-field-commission-percent"),
        Kind::Percent,
    ),
    f(
        "commission_per_head_minor",
        key("activity-field-commission-per-head"),
        Kind::Money,
    ),
    f("split", key("activity-field-split"), Kind::Split),
];

const ROOM_TYPE: &[Field] = &[
    f("hotel", "", Kind::Hidden),
    f("name", key("activity-field-name"), Kind::Text),
    f("kind", key("activity-field-room-kind"), Kind::RoomKind),
    f(
        "max_occupancy",
        key("activity-field-max-occupancy"),
        Kind::Integer,
    ),
];

const ROOM_RATE: &[Field] = &[
    f("room_type", "", Kind::Hidden),
    f("season", key("activity-field-season"), Kind::Text),
    f("starts_on", key("activity-field-starts-on"), Kind::Date),
    f("ends_on", key("activity-field-ends-on"), Kind::Date),
    f("rate_minor", key("activity-field-room-rate"), Kind::Money),
    f("currency", key("activity-field-currency"), Kind::Text),
    f(
        "extra_bed_minor",
        key("activity-field-extra-bed"),
        Kind::Money,
    ),
    f("child_minor", key("activity-field-child-rate"), Kind::Money),
    f("child_ages", key("activity-field-child-ages"), Kind::Text),
    f(
        "breakfast",
        key("activity-field-breakfast-terms"),
        Kind::Breakfast,
    ),
    f(
        "breakfast_minor",
        key("activity-field-breakfast-price"),
        Kind::Money,
    ),
    f(
        "single_supplement_minor",
        key("activity-field-single-supplement"),
        Kind::Money,
    ),
    f(
        "min_nights",
        key("activity-field-min-nights"),
        Kind::Integer,
    ),
    f(
        "complimentary",
        key("activity-field-complimentary"),
        Kind::Bool,
    ),
];

const HOTEL_CONTRACT: &[Field] = &[
    f("reference", key("activity-field-reference"), Kind::Text),
    f("valid_from", key("activity-field-valid-from"), Kind::Date),
    f("valid_to", key("activity-field-valid-to"), Kind::Date),
    f("notes", key("activity-field-notes"), Kind::Text),
];

const PEAK: &[Field] = &[
    f("hotel", "", Kind::Hidden),
    f("room_type", "", Kind::Hidden),
    f("name", key("activity-field-name"), Kind::Text),
    f("starts_on", key("activity-field-starts-on"), Kind::Date),
    f("ends_on", key("activity-field-ends-on"), Kind::Date),
    f("amount_minor", key("activity-field-surcharge"), Kind::Money),
    f("currency", key("activity-field-currency"), Kind::Text),
    f(
        "min_nights",
        key("activity-field-min-nights"),
        Kind::Integer,
    ),
];

const ALLOTMENT: &[Field] = &[
    f("hotel", "", Kind::Hidden),
    f("room_type", "", Kind::Hidden),
    f("starts_on", key("activity-field-starts-on"), Kind::Date),
    f("ends_on", key("activity-field-ends-on"), Kind::Date),
    f("rooms", key("activity-field-rooms"), Kind::Integer),
    f(
        "release_days",
        key("activity-field-release-days"),
        Kind::Integer,
    ),
];

const VEHICLE: &[Field] = &[
    f("company", "", Kind::Hidden),
    f("type", key("activity-field-vehicle-type"), Kind::Text),
    f("seats", key("activity-field-seats"), Kind::Integer),
    f("plate", key("activity-field-plate"), Kind::Text),
    f(
        "day_rate_minor",
        key("activity-field-day-rate"),
        Kind::MoneyOfOwner,
    ),
    f(
        "transfer_rate_minor",
        key("activity-field-transfer-rate"),
        Kind::MoneyOfOwner,
    ),
];

const CONTACT: &[Field] = &[
    f("party", "", Kind::Hidden),
    f("party_id", "", Kind::Hidden),
    f("name", key("activity-field-name"), Kind::Text),
    f("position", key("activity-field-position"), Kind::Text),
    f("phone", key("activity-field-phone"), Kind::Text),
    f("email", key("activity-field-email"), Kind::Text),
    f("notes", key("activity-field-notes"), Kind::Text),
];

const EXCHANGE_RATE: &[Field] = &[
    f("date", key("activity-field-date"), Kind::Date),
    f("from", key("activity-field-from-currency"), Kind::Text),
    f("to", key("activity-field-to-currency"), Kind::Text),
    f("rate", key("activity-field-exchange-rate"), Kind::Decimal),
    f("source", key("activity-field-source"), Kind::Text),
];

const USER: &[Field] = &[
    f("email", key("activity-field-email"), Kind::Text),
    f("name", key("activity-field-name"), Kind::Text),
    f("role", key("activity-field-role"), Kind::Role),
];

/// The fields of `entity` as its audit rows hold them, in the order its form shows them.
pub fn fields(entity: Entity) -> &'static [Field] {
    match entity {
        Entity::Agency => AGENCY,
        Entity::Guide => GUIDE,
        Entity::Supplier => SUPPLIER,
        Entity::RoomType => ROOM_TYPE,
        Entity::RoomRate => ROOM_RATE,
        Entity::HotelContract => HOTEL_CONTRACT,
        Entity::Peak => PEAK,
        Entity::Allotment => ALLOTMENT,
        Entity::Vehicle => VEHICLE,
        Entity::Contact => CONTACT,
        Entity::ExchangeRate => EXCHANGE_RATE,
        Entity::User => USER,
        Entity::ImportBatch
        | Entity::Tenant
        | Entity::Demo
        | Entity::Tour
        | Entity::TourDay
        | Entity::TourLine
        | Entity::Costing
        | Entity::Quotation
        | Entity::Group => &[],
    }
}

/// A field's name in a sentence: a message id, or (for a key no table names) the key made
/// readable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldName {
    Known(&'static str),
    /// A message id found in the row (an import's changed column).
    Logged(String),
    Unnamed(String),
}

/// Where an amount's currency comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CurrencyOf {
    Known(Currency),
    /// The currency of this record, or of the record it belongs to.
    Record(Ref),
    Unknown,
}

/// A value as a sentence shows it, before it is written in the reader's language and format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Empty,
    Text(String),
    Money {
        minor: i64,
        currency: CurrencyOf,
    },
    Date(NaiveDate),
    Integer(i64),
    Decimal(String),
    Percent(String),
    Bool(bool),
    /// A word with a message id (a role, a room kind, a language).
    Label(&'static str),
    /// A word with a message id found in the row (an import's room kind).
    LoggedLabel(String),
    /// A word with a qualifier: `Thai (fluent)`.
    Qualified(&'static str, &'static str),
    List(Vec<Value>),
    /// A shape this code cannot read (a nested object).
    Unreadable,
}

/// One field that differs between before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub name: FieldName,
    pub before: Value,
    pub after: Value,
}

/// One field and its value (what a newly added record holds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldValue {
    pub name: FieldName,
    pub value: Value,
}

/// What amounts without a currency of their own are in.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub owner: Option<Ref>,
}

fn currency_in(obj: &Map<String, Json>) -> Option<Currency> {
    obj.get("currency")
        .and_then(Json::as_str)
        .and_then(|c| Currency::parse(c).ok())
}

/// The value of `field` in `obj`.
pub fn value(field: &Field, obj: &Map<String, Json>, cx: Context) -> Value {
    let Some(raw) = obj.get(field.key) else {
        return Value::Empty;
    };
    if raw.is_null() {
        return Value::Empty;
    }
    let text = || raw.as_str().map(str::to_owned);
    match field.kind {
        Kind::Text | Kind::Hidden => match text() {
            Some(t) if t.is_empty() => Value::Empty,
            Some(t) => Value::Text(t),
            None => shaped(field.key, raw, obj),
        },
        Kind::Money | Kind::MoneyOfOwner => match raw.as_i64() {
            Some(minor) => {
                let currency = match (field.kind, currency_in(obj), cx.owner) {
                    (Kind::Money, Some(c), _) => CurrencyOf::Known(c),
                    (_, _, Some(owner)) => CurrencyOf::Record(owner),
                    _ => CurrencyOf::Unknown,
                };
                Value::Money { minor, currency }
            }
            None => shaped(field.key, raw, obj),
        },
        Kind::Date => text()
            .and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok())
            .map_or_else(|| shaped(field.key, raw, obj), Value::Date),
        Kind::Integer => raw
            .as_i64()
            .map_or_else(|| shaped(field.key, raw, obj), Value::Integer),
        Kind::Decimal => text().map_or_else(|| shaped(field.key, raw, obj), Value::Decimal),
        Kind::Percent => text().map_or_else(|| shaped(field.key, raw, obj), Value::Percent),
        Kind::Bool => raw
            .as_bool()
            .map_or_else(|| shaped(field.key, raw, obj), Value::Bool),
        Kind::Language => text()
            .and_then(|t| Language::parse(&t))
            .map(|l| Value::Label(crate::i18n::language_key(l)))
            .unwrap_or_else(|| shaped(field.key, raw, obj)),
        Kind::Languages => match raw.as_array() {
            Some(items) if items.is_empty() => Value::Empty,
            Some(items) => Value::List(items.iter().map(spoken).collect()),
            None => shaped(field.key, raw, obj),
        },
        Kind::Role => text()
            .and_then(|t| Role::parse(&t).ok())
            .map(|r| Value::Label(role_key(r)))
            .unwrap_or_else(|| shaped(field.key, raw, obj)),
        Kind::RoomKind => text()
            .and_then(|t| RoomKind::parse(&t))
            .map(|k| Value::Label(room_kind_key(k)))
            .unwrap_or_else(|| shaped(field.key, raw, obj)),
        Kind::CommissionBasis => text()
            .and_then(|t| CommissionBasis::parse(&t))
            .map(|b| {
                Value::Label(match b {
                    CommissionBasis::Percent => key("suppliers-basis-percent"),
                    CommissionBasis::PerHead => key("suppliers-basis-per-head"),
                })
            })
            .unwrap_or_else(|| shaped(field.key, raw, obj)),
        Kind::Breakfast => match text().as_deref() {
            Some("included") => Value::Label(key("contracts-breakfast-included")),
            Some("extra") => Value::Label(key("contracts-breakfast-extra")),
            Some("none") => Value::Label(key("contracts-breakfast-none")),
            _ => shaped(field.key, raw, obj),
        },
        Kind::Split => match raw.as_array() {
            Some(parts) => Value::List(
                parts
                    .iter()
                    .map(|p| {
                        p.as_str()
                            .map_or(Value::Unreadable, |s| Value::Percent(s.into()))
                    })
                    .collect(),
            ),
            None => shaped(field.key, raw, obj),
        },
    }
}

/// A guide's language as stored (`th:fluent`): the language with its level.
fn spoken(item: &Json) -> Value {
    let Some((code, level)) = item.as_str().and_then(|s| s.split_once(':')) else {
        return Value::Unreadable;
    };
    match (Language::parse(code), LanguageLevel::parse(level)) {
        (Some(l), Some(v)) => Value::Qualified(crate::i18n::language_key(l), level_key(v)),
        (Some(l), None) => Value::Label(crate::i18n::language_key(l)),
        _ => Value::Text(code.to_owned()),
    }
}

/// A value read by its shape alone, for keys no table names: text (or a date written as one),
/// numbers (amounts when the key ends in `_minor` and the record has a currency), yes/no,
/// lists.
pub fn shaped(key: &str, raw: &Json, obj: &Map<String, Json>) -> Value {
    match raw {
        Json::Null => Value::Empty,
        Json::Bool(b) => Value::Bool(*b),
        Json::String(s) if s.is_empty() => Value::Empty,
        Json::String(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Value::Date)
            .unwrap_or_else(|_| Value::Text(s.clone())),
        Json::Number(n) => match (n.as_i64(), currency_in(obj)) {
            (Some(minor), Some(c)) if key.ends_with("_minor") => Value::Money {
                minor,
                currency: CurrencyOf::Known(c),
            },
            (Some(i), _) => Value::Integer(i),
            (None, _) => Value::Decimal(n.to_string()),
        },
        Json::Array(items) if items.is_empty() => Value::Empty,
        Json::Array(items) => Value::List(items.iter().map(|i| shaped("", i, obj)).collect()),
        Json::Object(_) => Value::Unreadable,
    }
}

/// `contract_valid_until` → `contract valid until`; an amount's `_minor` is dropped.
pub fn readable_key(key: &str) -> String {
    key.trim_end_matches("_minor").replace(['_', '-'], " ")
}

fn object(json: Option<&Json>) -> Map<String, Json> {
    json.and_then(Json::as_object).cloned().unwrap_or_default()
}

/// The keys of `objs` no field of `known` names, in a stable order.
fn unnamed_keys(known: &[Field], objs: &[&Map<String, Json>]) -> Vec<String> {
    let mut keys: Vec<String> = objs
        .iter()
        .flat_map(|o| o.keys())
        .filter(|k| !known.iter().any(|f| f.key == k.as_str()))
        .cloned()
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// The fields that differ between `before` and `after`. An amount that changed is shown with
/// its currency on each side, so a change of that currency is not listed again.
pub fn changes(
    entity: Entity,
    before: Option<&Json>,
    after: Option<&Json>,
    cx: Context,
) -> Vec<FieldChange> {
    changes_in(fields(entity), before, after, cx)
}

/// The fields that differ, `known` naming those it can.
pub fn changes_in(
    known: &[Field],
    before: Option<&Json>,
    after: Option<&Json>,
    cx: Context,
) -> Vec<FieldChange> {
    let (b, a) = (object(before), object(after));
    let mut out = Vec::new();
    let mut money_changed = false;
    let mut currency_change = None;
    for field in known.iter().filter(|f| f.kind != Kind::Hidden) {
        let (was, now) = (value(field, &b, cx), value(field, &a, cx));
        if was == now {
            continue;
        }
        if field.kind == Kind::Money {
            money_changed = true;
        }
        if field.key == "currency" {
            currency_change = Some(out.len());
        }
        out.push(FieldChange {
            name: FieldName::Known(field.label),
            before: was,
            after: now,
        });
    }
    if let Some(at) = currency_change.filter(|_| money_changed) {
        out.remove(at);
    }
    for key in unnamed_keys(known, &[&b, &a]) {
        let missing = Json::Null;
        let (was, now) = (
            b.get(&key).unwrap_or(&missing),
            a.get(&key).unwrap_or(&missing),
        );
        if was != now {
            out.push(FieldChange {
                name: FieldName::Unnamed(readable_key(&key)),
                before: shaped(&key, was, &b),
                after: shaped(&key, now, &a),
            });
        }
    }
    out
}

/// The fields `after` holds, leaving out empty ones: what a record was created with.
pub fn values(entity: Entity, after: Option<&Json>, cx: Context) -> Vec<FieldValue> {
    let a = object(after);
    let known = fields(entity);
    let mut out: Vec<FieldValue> = known
        .iter()
        .filter(|f| f.kind != Kind::Hidden)
        .map(|f| FieldValue {
            name: FieldName::Known(f.label),
            value: value(f, &a, cx),
        })
        .collect();
    for key in unnamed_keys(known, &[&a]) {
        if let Some(raw) = a.get(&key) {
            out.push(FieldValue {
                name: FieldName::Unnamed(readable_key(&key)),
                value: shaped(&key, raw, &a),
            });
        }
    }
    out.retain(|v| v.value != Value::Empty);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::VehicleId;
    use serde_json::json;

    fn cur(code: &str) -> CurrencyOf {
        CurrencyOf::Known(Currency::parse(code).expect("a currency"))
    }

    const NONE: Context = Context { owner: None };

    #[test]
    fn a_credit_limit_in_a_new_currency_is_one_change() {
        let before = json!({"name": "Golden Dragon", "currency": "CNY", "credit_limit_minor": 50_000_000, "credit_days": 30});
        let after = json!({"name": "Golden Dragon", "currency": "USD", "credit_limit_minor": 5_000_000, "credit_days": 30});
        let found = changes(Entity::Agency, Some(&before), Some(&after), NONE);
        assert_eq!(
            found,
            [FieldChange {
                name: FieldName::Known("activity-field-credit-limit"),
                before: Value::Money {
                    minor: 50_000_000,
                    currency: cur("CNY")
                },
                after: Value::Money {
                    minor: 5_000_000,
                    currency: cur("USD")
                },
            }]
        );
    }

    #[test]
    fn a_currency_alone_is_a_change_of_its_own() {
        let before = json!({"currency": "THB", "daily_fee_minor": 0});
        let after = json!({"currency": "USD", "daily_fee_minor": 0});
        let found = changes(Entity::Guide, Some(&before), Some(&after), NONE);
        // The fee changed currency too: 0 THB is not 0 USD.
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].name, FieldName::Known("activity-field-daily-fee"));
    }

    #[test]
    fn typed_values_read_their_kind() {
        let before = json!({"kind": "twin", "max_occupancy": 2, "name": "Deluxe"});
        let after = json!({"kind": "double", "max_occupancy": 2, "name": "Deluxe"});
        let found = changes(Entity::RoomType, Some(&before), Some(&after), NONE);
        assert_eq!(found[0].before, Value::Label("room-twin"));
        assert_eq!(found[0].after, Value::Label("room-double"));
        let before = json!({"languages": ["th:native", "en:fluent"], "active": true});
        let after = json!({"languages": ["th:native"], "active": false});
        let found = changes(Entity::Guide, Some(&before), Some(&after), NONE);
        assert_eq!(
            found[0].after,
            Value::Bool(false),
            "active comes before languages"
        );
        assert_eq!(
            found[1].before,
            Value::List(vec![
                Value::Qualified("lang-th", "guides-level-native"),
                Value::Qualified("lang-en", "guides-level-fluent"),
            ])
        );
    }

    #[test]
    fn vehicle_rates_are_in_the_company_currency() {
        let owner = Ref::Vehicle(VehicleId(7));
        let cx = Context { owner: Some(owner) };
        let after = json!({"type": "Coach", "seats": 45, "day_rate_minor": 900_000, "plate": ""});
        let found = values(Entity::Vehicle, Some(&after), cx);
        assert_eq!(
            found,
            [
                FieldValue {
                    name: FieldName::Known("activity-field-vehicle-type"),
                    value: Value::Text("Coach".into())
                },
                FieldValue {
                    name: FieldName::Known("activity-field-seats"),
                    value: Value::Integer(45)
                },
                FieldValue {
                    name: FieldName::Known("activity-field-day-rate"),
                    value: Value::Money {
                        minor: 900_000,
                        currency: CurrencyOf::Record(owner)
                    }
                },
            ]
        );
    }

    #[test]
    fn unknown_keys_are_named_and_read_by_shape() {
        let before = json!({"name": "Riverside", "currency": "THB", "contract_valid_until": "2027-03-31", "extra_bed_minor": 50_000, "blob": {"a": 1}});
        let after = json!({"name": "Riverside", "currency": "THB", "contract_valid_until": "2028-03-31", "extra_bed_minor": 60_000, "blob": {"a": 2}});
        let found = changes(Entity::Supplier, Some(&before), Some(&after), NONE);
        let names: Vec<_> = found.iter().map(|c| c.name.clone()).collect();
        assert_eq!(
            names,
            [
                FieldName::Unnamed("blob".into()),
                FieldName::Unnamed("contract valid until".into()),
                FieldName::Unnamed("extra bed".into()),
            ]
        );
        assert_eq!(found[0].after, Value::Unreadable);
        assert_eq!(
            found[1].after,
            Value::Date(NaiveDate::from_ymd_opt(2028, 3, 31).expect("a date"))
        );
        assert_eq!(
            found[2].after,
            Value::Money {
                minor: 60_000,
                currency: cur("THB")
            }
        );
    }
}
