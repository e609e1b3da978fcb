//! Signing in: the password rule and one-time passwords, the throttle rule, and where a user
//! may be sent back to afterwards.

pub mod password;
pub mod redirect;
pub mod sign_in;
