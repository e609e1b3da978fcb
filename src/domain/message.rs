//! What the product says to a user, before it is said in a language: a fluent message id with
//! its arguments. Rules name their refusals with these, so that a form, an import and a page
//! all say the same thing; `i18n` turns them into text in the reader's language and format.
//!
//! Code names message ids only through [`key`] and [`Message::new`], so that the completeness
//! check (`i18n::check`) sees every id used.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Marks a string literal as a message id, so the completeness check sees it.
pub const fn key(id: &'static str) -> &'static str {
    id
}

/// An argument of a message, kept typed until it is shown so that it is written the reader's
/// way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    /// Text shown as it is (a name, a value the user typed).
    Text(String),
    /// A calendar date, shown in the reader's date format.
    Date { date: NaiveDate },
    /// A count, which chooses the message's plural form (`1 minute`, `2 minutes`).
    Count { count: i64 },
    /// Another message id (a column's label), shown translated.
    Label { label: String },
    /// Another message with its own arguments (a rule's refusal inside an import row's
    /// error), shown translated.
    Message { message: Box<Message> },
}

/// A message id with its arguments, translated when a page is rendered in the reader's
/// language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, Arg)>,
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id: id.to_owned(),
            args: Vec::new(),
        }
    }

    /// Adds an argument shown as text.
    pub fn arg(mut self, name: &str, value: impl ToString) -> Message {
        self.args
            .push((name.to_owned(), Arg::Text(value.to_string())));
        self
    }

    /// Adds a count, which the message may use to choose its plural form.
    pub fn count(mut self, name: &str, count: i64) -> Message {
        self.args.push((name.to_owned(), Arg::Count { count }));
        self
    }

    /// Adds a date argument, shown in the reader's date format.
    pub fn date(mut self, name: &str, date: NaiveDate) -> Message {
        self.args.push((name.to_owned(), Arg::Date { date }));
        self
    }

    /// Adds an argument that is itself a message, shown translated.
    pub fn message(mut self, name: &str, message: Message) -> Message {
        self.args.push((
            name.to_owned(),
            Arg::Message {
                message: Box::new(message),
            },
        ));
        self
    }

    /// Adds an argument that is itself a message id (`key("…")`), shown translated.
    pub fn label(mut self, name: &str, id: &'static str) -> Message {
        self.args.push((
            name.to_owned(),
            Arg::Label {
                label: id.to_owned(),
            },
        ));
        self
    }
}

/// An error that may be a business rule's refusal: what the user is told, or `None` when no
/// rule refused (the record is gone, the database failed). A form shows the refusal beside its
/// field, an import beside its row, a page as its message.
pub trait Refusal {
    fn refusal(&self) -> Option<Message>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_keep_their_kind_through_storage() {
        let day = NaiveDate::from_ymd_opt(2027, 4, 13).expect("a date");
        let m = Message::new("rates-error-overlap")
            .arg("season", "Songkran")
            .date("from", day)
            .label("column", key("rates-season"))
            .message("reason", Message::new("rates-error-dates"));
        let json = serde_json::to_string(&m).expect("serialize");
        assert_eq!(
            json,
            r#"{"id":"rates-error-overlap","args":[["season","Songkran"],["from",{"date":"2027-04-13"}],["column",{"label":"rates-season"}],["reason",{"message":{"id":"rates-error-dates"}}]]}"#
        );
        let back: Message = serde_json::from_str(&json).expect("deserialize");
        assert_eq!(back, m);
    }
}
