//! Plain domain types and rules: no actix, no tera, no SQL.

pub mod access;
pub mod currency;
pub mod email;
pub mod locale;
pub mod password;
pub mod sign_in;
pub mod slug;
