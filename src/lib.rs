//! tourdesk: the back office of travel agencies that run group tours.
//!
//! See `docs/ARCHITECTURE.md` for the map. Layers: `domain` (rules, no I/O), `db` (queries),
//! `web` (HTTP and pages), `i18n` (languages and formats); `manifest`, `provision` and `cli`
//! administer tenants.

pub mod cli;
pub mod db;
pub mod demo_data;
pub mod domain;
pub mod i18n;
pub mod import;
pub mod launcher;
pub mod manifest;
pub mod operate;
pub mod process;
pub mod provision;
pub mod security;
pub mod web;
