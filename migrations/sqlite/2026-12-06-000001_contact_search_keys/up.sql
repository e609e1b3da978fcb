-- A contact's search key (name, position, phone, e-mail), computed by tourdesk like the others,
-- so that a search of client agencies finds them by their contacts too. Rows written before
-- this migration are keyed by `db::search::backfill_contacts` when migrations run.
ALTER TABLE contacts ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
