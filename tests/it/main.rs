//! The integration suite: one binary, every test with its own temporary tenant.
//! With `TOURDESK_TEST_PG_URL` set (and `--features postgres`), every tenant database is a
//! fresh PostgreSQL database, dropped at the end of its test.

mod access;
mod audit;
mod browser;
mod browser_master;
mod cli;
mod concurrency;
mod contacts;
mod contracts;
mod dashboard;
mod exchange_rates;
mod fixtures;
mod fixtures_groups;
mod front_door;
mod groups;
mod harness;
mod import_rules;
mod import_suppliers;
mod import_templates;
mod imports;
mod launcher;
mod master_data;
mod search;
mod security;
mod sign_in;
mod time_zone;
mod tours;
mod users;
