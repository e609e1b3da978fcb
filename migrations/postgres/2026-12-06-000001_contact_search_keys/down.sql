ALTER TABLE contacts DROP COLUMN search_key;
