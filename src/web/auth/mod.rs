//! Signing in and out, and a user's own account (password, language).

pub mod account;
pub mod sign_in;
