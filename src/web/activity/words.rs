//! A described audit row put into the reader's words: its messages translated, amounts in the
//! money format, dates in the reader's format, and each record that still exists — and that
//! the reader may open — a link.
//!
//! Links survive translation as markers: a linked name enters the message as
//! `\u{E000}<n>\u{E001}` and the translated text is cut at the markers into plain and linked
//! segments, which the template prints escaped. Text from the row cannot forge a marker: the
//! two marker characters are replaced in it before it enters a message.

use std::collections::HashMap;

use serde::Serialize;

use super::fields::{CurrencyOf, FieldName, Value, readable_key};
use super::phrase::{Phrase, Piece, Record};
use crate::db::activity::{Named, Ref};
use crate::domain::access::{Perm, Role};
use crate::domain::currency::Currency;
use crate::domain::locale::Locale;
use crate::domain::master::suppliers::SupplierKind;
use crate::domain::message::{Message, key};
use crate::domain::money::Money;
use crate::i18n::I18n;
use crate::i18n::format::Formats;
use crate::web::paths;

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Longest text from a row a sentence quotes (a long note is cut, with an ellipsis).
const MAX_QUOTED_CHARS: usize = 120;

/// A run of a sentence's text, linked or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub text: String,
    pub href: Option<String>,
}

/// Who reads, in which language, and what the records named are called now.
pub struct Speaker<'a> {
    pub i18n: &'a I18n,
    pub formats: &'a Formats,
    pub locale: Locale,
    pub role: Role,
    pub names: &'a HashMap<Ref, Named>,
}

/// Text from a row, safe to put into a message: no marker characters, at most
/// [`MAX_QUOTED_CHARS`].
fn quoted(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(MAX_QUOTED_CHARS)
        .map(|c| {
            if c == OPEN || c == CLOSE {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect();
    if text.chars().nth(MAX_QUOTED_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// An amount with its currency code, its digits in the reader's format.
pub fn money_text(formats: &Formats, locale: Locale, money: Money) -> String {
    format!(
        "{} {}",
        formats.decimal_str(locale, &money.amount_text()),
        money.currency.code()
    )
}

impl Speaker<'_> {
    /// `phrase` with `actor` as who acted, in segments.
    pub fn say(&self, phrase: &Phrase, actor: &str) -> Vec<Segment> {
        let mut links = Vec::new();
        let text = self.phrase(phrase, actor, &mut links);
        split(&text, &links)
    }

    fn t(&self, id: &'static str) -> String {
        self.i18n.t(self.locale, id, &[])
    }

    fn phrase(&self, phrase: &Phrase, actor: &str, links: &mut Vec<String>) -> String {
        let mut message = Message::new(phrase.id);
        for (name, piece) in &phrase.args {
            message = match piece {
                Piece::Count(n) => message.count(name, *n),
                other => message.arg(name, self.piece(other, actor, links)),
            };
        }
        self.i18n.message_in(self.locale, self.formats, &message)
    }

    fn piece(&self, piece: &Piece, actor: &str, links: &mut Vec<String>) -> String {
        match piece {
            Piece::Actor => quoted(actor),
            Piece::Record(r) => self.record(r, links),
            Piece::Noun(id) | Piece::Label(id) => self.t(id),
            Piece::Value(v) => self.value(v),
            Piece::Field(name) => self.field(name),
            Piece::Fields(names) => self.list(names.iter().map(|n| self.field(n))),
            Piece::Text(t) => quoted(t),
            Piece::Count(n) => self.formats.integer(self.locale, *n),
        }
    }

    /// `text` as a link to `href`, by a marker the split turns back into a link.
    fn linked(&self, text: String, href: String, links: &mut Vec<String>) -> String {
        links.push(href);
        format!("{OPEN}{}{CLOSE}{text}{OPEN}{CLOSE}", links.len() - 1)
    }

    fn record(&self, r: &Record, links: &mut Vec<String>) -> String {
        let now = self.names.get(&r.of);
        let name = now
            .map(|n| n.name.as_str())
            .filter(|n| !n.is_empty())
            .or(Some(r.logged.name.as_str()).filter(|n| !n.is_empty()))
            .map(quoted)
            .unwrap_or_else(|| {
                let id = Message::new("activity-name-missing").arg("id", id_of(r.of));
                self.i18n.message_in(self.locale, self.formats, &id)
            });
        let name = match now.and_then(|n| self.href(r.of, n)) {
            Some(href) => self.linked(name, href, links),
            None => name,
        };
        let parent = now.and_then(|n| n.parent).or(r.logged.parent);
        let parent_text = |links: &mut Vec<String>| match parent {
            Some(p) => self.record(
                &Record {
                    of: p,
                    logged: Named::default(),
                },
                links,
            ),
            None => self.t(key("activity-record-unknown")),
        };
        let message = match r.of {
            Ref::Supplier(_) => {
                let id = match now.and_then(|n| n.kind).or(r.logged.kind) {
                    Some(SupplierKind::Hotel) => key("activity-record-hotel"),
                    Some(SupplierKind::Transport) => key("activity-record-transport"),
                    Some(SupplierKind::Restaurant) => key("activity-record-restaurant"),
                    Some(SupplierKind::Attraction) => key("activity-record-attraction"),
                    Some(SupplierKind::Shop) => key("activity-record-shop"),
                    None => key("activity-record-supplier"),
                };
                Message::new(id).arg("name", name)
            }
            Ref::RoomType(_) => Message::new("activity-record-room-type")
                .arg("name", name)
                .arg("hotel", parent_text(links)),
            Ref::RoomRate(_) => Message::new("activity-record-room-rate")
                .arg("name", name)
                .arg("room_type", parent_text(links)),
            Ref::HotelContract(_) => {
                Message::new("activity-record-hotel-contract").arg("hotel", parent_text(links))
            }
            Ref::Peak(_) => Message::new("activity-record-peak")
                .arg("name", name)
                .arg("hotel", parent_text(links)),
            Ref::Allotment(_) => {
                Message::new("activity-record-allotment").arg("room_type", parent_text(links))
            }
            Ref::Vehicle(_) => Message::new("activity-record-vehicle")
                .arg("name", name)
                .arg("company", parent_text(links)),
            Ref::Contact(_) => Message::new("activity-record-contact")
                .arg("name", name)
                .arg("party", parent_text(links)),
            Ref::Guide(_) => Message::new("activity-record-guide").arg("name", name),
            Ref::Agency(_) => Message::new("activity-record-agency").arg("name", name),
            Ref::User(_) => Message::new("activity-record-user").arg("name", name),
            Ref::ExchangeRate(_) => match now.and_then(|n| n.date).or(r.logged.date) {
                Some(date) => Message::new("activity-record-exchange-rate")
                    .arg("name", name)
                    .arg("date", self.formats.date(self.locale, date)),
                None => Message::new("activity-record-exchange-rate-undated").arg("name", name),
            },
        };
        self.i18n.message_in(self.locale, self.formats, &message)
    }

    /// Where a record's own page is, when the reader may open it. Records that live on their
    /// parent's page (room types, rates, vehicles, contacts) are named there, and the parent
    /// is linked.
    fn href(&self, r: Ref, named: &Named) -> Option<String> {
        let may = |perm| self.role.permits(perm);
        match r {
            Ref::Supplier(id) if may(Perm::SuppliersView) => {
                named.kind.map(|kind| paths::supplier(kind, id))
            }
            Ref::Guide(id) if may(Perm::GuidesView) => Some(paths::guide(id)),
            Ref::Agency(id) if may(Perm::AgenciesView) => Some(paths::agency(id)),
            Ref::ExchangeRate(id) if may(Perm::RatesEdit) => Some(paths::rate_edit(id)),
            Ref::User(id) if may(Perm::UsersManage) => Some(paths::user_edit(id)),
            _ => None,
        }
    }

    /// The currency of a record's amounts: its own, or the record it belongs to.
    fn currency_of(&self, r: Ref) -> Option<Currency> {
        let mut at = Some(r);
        for _ in 0..4 {
            let named = self.names.get(&at?)?;
            if let Some(c) = named.currency {
                return Some(c);
            }
            at = named.parent;
        }
        None
    }

    /// Items listed the reader's way (`a, b`; `a、b` in Chinese).
    fn list(&self, items: impl Iterator<Item = String>) -> String {
        items
            .collect::<Vec<_>>()
            .join(&self.t(key("activity-list-separator")))
    }

    /// A message id a row holds, translated; one no locale knows (renamed since) made readable.
    fn logged_label(&self, id: &str) -> String {
        let text = self.i18n.t(self.locale, id, &[]);
        if text == id { readable_key(id) } else { text }
    }

    fn field(&self, name: &FieldName) -> String {
        match name {
            FieldName::Known(id) => self.t(id),
            FieldName::Logged(id) => {
                let text = self.i18n.t(self.locale, id, &[]);
                if &text == id { readable_key(id) } else { text }
            }
            FieldName::Unnamed(text) => quoted(text),
        }
    }

    fn value(&self, value: &Value) -> String {
        let (f, locale) = (self.formats, self.locale);
        match value {
            Value::Empty => self.t(key("activity-value-empty")),
            Value::Text(t) => quoted(t),
            Value::Money { minor, currency } => {
                let currency = match currency {
                    CurrencyOf::Known(c) => Some(*c),
                    CurrencyOf::Record(r) => self.currency_of(*r),
                    CurrencyOf::Unknown => None,
                };
                match currency {
                    Some(c) => money_text(f, locale, Money::new(*minor, c)),
                    None => self.t(key("activity-value-unreadable")),
                }
            }
            Value::Date(d) => f.date(locale, *d),
            Value::Integer(n) => f.integer(locale, *n),
            Value::Decimal(d) => f.decimal_str(locale, d),
            Value::Percent(d) => format!("{} %", f.decimal_str(locale, d)),
            Value::Bool(true) => self.t(key("activity-value-yes")),
            Value::Bool(false) => self.t(key("activity-value-no")),
            Value::Label(id) => self.t(id),
            Value::LoggedLabel(id) => self.logged_label(id),
            Value::Qualified(word, qualifier) => {
                let m = Message::new("activity-value-qualified")
                    .arg("value", self.t(word))
                    .arg("qualifier", self.t(qualifier));
                self.i18n.message_in(locale, f, &m)
            }
            Value::List(items) => self.list(items.iter().map(|v| self.value(v))),
            Value::Unreadable => self.t(key("activity-value-unreadable")),
        }
    }
}

fn id_of(r: Ref) -> i64 {
    match r {
        Ref::Supplier(id) => id.0,
        Ref::RoomType(id) => id.0,
        Ref::RoomRate(id) => id.0,
        Ref::HotelContract(id) => id.0,
        Ref::Peak(id) => id.0,
        Ref::Allotment(id) => id.0,
        Ref::Vehicle(id) => id.0,
        Ref::Guide(id) => id.0,
        Ref::Agency(id) => id.0,
        Ref::Contact(id) => id.0,
        Ref::ExchangeRate(id) => id.0,
        Ref::User(id) => id.0,
    }
}

/// Cuts translated `text` at its markers: `OPEN n CLOSE text OPEN CLOSE` is link `n`.
fn split(text: &str, links: &[String]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = text;
    let plain = |out: &mut Vec<Segment>, t: &str| {
        if !t.is_empty() {
            out.push(Segment {
                text: t.to_owned(),
                href: None,
            });
        }
    };
    while let Some(at) = rest.find(OPEN) {
        plain(&mut out, &rest[..at]);
        let after = &rest[at + OPEN.len_utf8()..];
        let parsed = after.split_once(CLOSE).and_then(|(n, tail)| {
            let href = links.get(n.parse::<usize>().ok()?)?;
            let (shown, tail) = tail.split_once(&format!("{OPEN}{CLOSE}"))?;
            Some((shown, href, tail))
        });
        match parsed {
            Some((shown, href, tail)) => {
                out.push(Segment {
                    text: shown.to_owned(),
                    href: Some(href.clone()),
                });
                rest = tail;
            }
            // Cannot happen for text built here; shown without the stray marker.
            None => rest = after,
        }
    }
    plain(&mut out, rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::audit::Row;
    use crate::domain::ids::{AgencyId, RoomTypeId, SupplierId};
    use crate::web::activity::describe::{Logged, describe};
    use serde_json::json;

    fn row(action: &str, id: &str, before: serde_json::Value, after: serde_json::Value) -> Row {
        Row {
            id: 1,
            at: chrono::NaiveDateTime::default(),
            user_id: Some(1),
            actor: Some("somchai@example.com".into()),
            action: action.into(),
            entity: None,
            entity_id: Some(id.into()),
            before_json: Some(before.to_string()),
            after_json: Some(after.to_string()),
            client_addr: None,
            user_name: Some("Somchai".into()),
        }
    }

    fn text(segments: &[Segment]) -> String {
        segments.iter().map(|s| s.text.as_str()).collect()
    }

    fn cny() -> Currency {
        Currency::parse("CNY").expect("CNY")
    }

    #[test]
    fn a_credit_limit_change_reads_as_a_sentence_in_every_language() -> anyhow::Result<()> {
        let i18n = I18n::load()?;
        let formats = Formats::load()?;
        let agency = Ref::Agency(AgencyId(4));
        let names = HashMap::from([(
            agency,
            Named {
                name: "Golden Dragon Travel".into(),
                currency: Some(cny()),
                ..Named::default()
            },
        )]);
        let r = row(
            "agency.update",
            "4",
            json!({"name": "Golden Dragon Travel", "currency": "CNY", "credit_limit_minor": 50_000_000}),
            json!({"name": "Golden Dragon Travel", "currency": "USD", "credit_limit_minor": 5_000_000}),
        );
        let d = describe(&Logged::of(&r));
        let say = |locale, role| {
            Speaker {
                i18n: &i18n,
                formats: &formats,
                locale,
                role,
                names: &names,
            }
            .say(&d.headline, "Somchai")
        };
        let en = say(Locale::En, Role::Sales);
        assert_eq!(
            text(&en),
            "Somchai changed the credit limit of the client agency Golden Dragon Travel from 500,000.00 CNY to 50,000.00 USD."
        );
        let link = en.iter().find(|s| s.href.is_some());
        assert_eq!(
            link,
            Some(&Segment {
                text: "Golden Dragon Travel".into(),
                href: Some("/agencies/4".into())
            })
        );
        let vi = text(&say(Locale::Vi, Role::Sales));
        assert!(
            vi.contains("500.000,00 CNY") && vi.contains("50.000,00 USD"),
            "{vi}"
        );
        for locale in [Locale::Th, Locale::ZhCn] {
            let said = text(&say(locale, Role::Sales));
            assert!(
                said.contains("500,000.00 CNY") && said.contains("Golden Dragon Travel"),
                "{said}"
            );
            assert_ne!(said, text(&en));
        }
        Ok(())
    }

    #[test]
    fn a_room_type_is_named_with_its_hotel_linked_for_who_may_see_it() -> anyhow::Result<()> {
        let i18n = I18n::load()?;
        let formats = Formats::load()?;
        let hotel = Ref::Supplier(SupplierId(3));
        let names = HashMap::from([
            (
                Ref::RoomType(RoomTypeId(12)),
                Named {
                    name: "Deluxe".into(),
                    parent: Some(hotel),
                    ..Named::default()
                },
            ),
            (
                hotel,
                Named {
                    name: "Hotel X".into(),
                    kind: Some(SupplierKind::Hotel),
                    ..Named::default()
                },
            ),
        ]);
        let r = row(
            "room-type.archive",
            "12",
            json!({"archived": false}),
            json!({"archived": true}),
        );
        let d = describe(&Logged::of(&r));
        let said = Speaker {
            i18n: &i18n,
            formats: &formats,
            locale: Locale::En,
            role: Role::Viewer,
            names: &names,
        }
        .say(&d.headline, "Anna");
        assert_eq!(
            text(&said),
            "Anna archived the room type Deluxe of the hotel Hotel X."
        );
        assert_eq!(
            said.iter()
                .filter_map(|s| s.href.clone())
                .collect::<Vec<_>>(),
            ["/hotels/3"]
        );
        Ok(())
    }

    #[test]
    fn a_record_that_is_gone_is_named_from_the_row_without_a_link() -> anyhow::Result<()> {
        let i18n = I18n::load()?;
        let formats = Formats::load()?;
        let names = HashMap::new();
        let r = row(
            "exchange-rate.create",
            "8",
            json!(null),
            json!({"date": "2027-03-12", "from": "USD", "to": "THB", "rate": "35.1", "source": ""}),
        );
        let d = describe(&Logged::of(&r));
        let speaker = Speaker {
            i18n: &i18n,
            formats: &formats,
            locale: Locale::En,
            role: Role::Admin,
            names: &names,
        };
        let said = speaker.say(&d.headline, "Ploy");
        assert!(said.iter().all(|s| s.href.is_none()), "{said:?}");
        assert_eq!(
            text(&said),
            "Ploy added the exchange rate USD → THB of Mar 12, 2027."
        );
        let lines: Vec<String> = d
            .lines
            .iter()
            .map(|l| text(&speaker.say(&l.phrase, "Ploy")))
            .collect();
        assert!(lines.contains(&"rate: 35.1".to_owned()), "{lines:?}");
        Ok(())
    }

    #[test]
    fn contracts_and_the_agency_clock_read_as_sentences() -> anyhow::Result<()> {
        let i18n = I18n::load()?;
        let formats = Formats::load()?;
        let hotel = Ref::Supplier(SupplierId(3));
        let names = HashMap::from([
            (
                Ref::HotelContract(SupplierId(3)),
                Named {
                    name: "RS-2027".into(),
                    parent: Some(hotel),
                    ..Named::default()
                },
            ),
            (
                hotel,
                Named {
                    name: "Riverside".into(),
                    kind: Some(SupplierKind::Hotel),
                    ..Named::default()
                },
            ),
        ]);
        let speaker = Speaker {
            i18n: &i18n,
            formats: &formats,
            locale: Locale::En,
            role: Role::Operations,
            names: &names,
        };
        let contract = row(
            "hotel-contract.update",
            "3",
            json!({"reference": "RS-2027", "valid_from": "2027-01-01", "valid_to": "2027-12-31", "notes": ""}),
            json!({"reference": "RS-2027", "valid_from": "2027-01-01", "valid_to": "2028-03-31", "notes": ""}),
        );
        let said = speaker.say(&describe(&Logged::of(&contract)).headline, "Anna");
        assert_eq!(
            text(&said),
            "Anna changed the end of validity of the contract of the hotel Riverside from Dec 31, 2027 to Mar 31, 2028."
        );
        assert_eq!(said.iter().filter(|s| s.href.is_some()).count(), 1);
        let zone = row(
            "tenant.change-time-zone",
            "acme",
            json!({"time_zone": null}),
            json!({"time_zone": "Asia/Bangkok"}),
        );
        assert_eq!(
            text(&speaker.say(&describe(&Logged::of(&zone)).headline, "Anna")),
            "Anna changed the agency’s time zone from (none) to Asia/Bangkok."
        );
        let peak = row(
            "peak.create",
            "5",
            json!(null),
            json!({"hotel": 3, "room_type": null, "name": "Songkran", "starts_on": "2027-04-12", "ends_on": "2027-04-16", "amount_minor": 150_000, "currency": "THB", "min_nights": 2}),
        );
        let d = describe(&Logged::of(&peak));
        assert_eq!(
            text(&speaker.say(&d.headline, "Anna")),
            "Anna added the peak surcharge “Songkran” of the hotel Riverside."
        );
        let lines: Vec<String> = d
            .lines
            .iter()
            .map(|l| text(&speaker.say(&l.phrase, "Anna")))
            .collect();
        assert!(
            lines.contains(&"surcharge: 1,500.00 THB".to_owned()),
            "{lines:?}"
        );
        Ok(())
    }

    #[test]
    fn row_text_cannot_forge_a_link() {
        let forged = format!("a{OPEN}0{CLOSE}b{OPEN}{CLOSE}");
        let safe = quoted(&forged);
        assert!(!safe.contains(OPEN) && !safe.contains(CLOSE));
        let links = vec!["/x".to_owned()];
        assert_eq!(
            split(&safe, &links),
            [Segment {
                text: safe.clone(),
                href: None
            }]
        );
    }
}
