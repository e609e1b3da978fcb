//! Plain domain types and rules: no actix, no tera, no SQL.

pub mod access;
pub mod auth;
pub mod calendar;
pub mod currency;
pub mod dashboard;
pub mod decimal;
pub mod email;
pub mod fx;
pub mod groups;
pub mod ids;
pub mod locale;
pub mod master;
pub mod message;
pub mod money;
pub mod slug;
pub mod text;
pub mod time;
pub mod tours;
