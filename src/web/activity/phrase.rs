//! The parts a sentence is built of before it is put into words: its message, its pieces
//! (who, which record, which values) and the lines beneath it. Shared by the descriptions of
//! every kind of row.

use serde_json::Value as Json;

use super::fields::{FieldName, Value};
use crate::db::activity::{Named, Ref};

/// A record a sentence names: what the row says of it, to fall back on when the record is gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub of: Ref,
    pub logged: Named,
}

/// A piece of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Who acted.
    Actor,
    Record(Record),
    /// A kind of record without a page of its own (an import, the tenant): its name.
    Noun(&'static str),
    Value(Value),
    Field(FieldName),
    /// Several fields' names, listed.
    Fields(Vec<FieldName>),
    /// Text from the row itself (a file name, a refused path).
    Text(String),
    Count(i64),
    Label(&'static str),
}

/// A message id with its pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub id: &'static str,
    pub args: Vec<(&'static str, Piece)>,
}

impl Phrase {
    /// A message whose `actor` is who acted.
    pub fn new(id: &'static str) -> Phrase {
        Phrase {
            id,
            args: vec![("actor", Piece::Actor)],
        }
    }

    pub fn with(mut self, name: &'static str, piece: Piece) -> Phrase {
        self.args.push((name, piece));
        self
    }
}

/// A line under a sentence; `nested` lines detail the line before them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub phrase: Phrase,
    pub nested: bool,
}

pub fn text_of(json: Option<&Json>, key: &str) -> Option<String> {
    json?
        .get(key)?
        .as_str()
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

pub fn id_of(json: Option<&Json>, key: &str) -> Option<i64> {
    json?.get(key)?.as_i64()
}
