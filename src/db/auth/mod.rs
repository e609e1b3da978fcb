//! Who may sign in: users, their sessions, and the password checks counted against throttling.

pub mod accounts;
pub mod sessions;
pub mod throttle;
pub mod users;
