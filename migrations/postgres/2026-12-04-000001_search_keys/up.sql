-- Keys that searches and name matching compare, computed by tourdesk (NFKC, Unicode lower
-- case), so both backends find the same rows whatever the script. Rows written before this
-- migration are filled in by `db::search::backfill` when migrations run.
ALTER TABLE suppliers ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE suppliers ADD COLUMN city_key TEXT NOT NULL DEFAULT '';
ALTER TABLE suppliers ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
CREATE INDEX suppliers_name_key ON suppliers (kind, name_key, city_key);
ALTER TABLE room_types ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE guides ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE guides ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
CREATE INDEX guides_name_key ON guides (name_key);
ALTER TABLE agencies ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
CREATE INDEX agencies_name_key ON agencies (name_key);
ALTER TABLE users ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
ALTER TABLE exchange_rates ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
