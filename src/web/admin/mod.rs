//! Running the agency's own installation: staff accounts, the audit log, settings.

pub mod audit;
pub mod settings;
pub mod users;
