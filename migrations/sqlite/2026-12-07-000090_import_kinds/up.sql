-- Import batches of the supplier kinds other than hotels: transport, restaurants, attractions,
-- shops. SQLite cannot change a CHECK constraint, so the table is rebuilt with its rows, its
-- id sequence and its index.
ALTER TABLE import_batches RENAME TO import_batches_old;

CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('hotels', 'transport', 'restaurants', 'attractions', 'shops', 'guides', 'agencies', 'rates')),
    user_id BIGINT NOT NULL REFERENCES users (id),
    file_name TEXT NOT NULL,
    rows_json TEXT NOT NULL,
    error_count INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    committed_at TIMESTAMP
);

INSERT INTO import_batches (id, kind, user_id, file_name, rows_json, error_count, created_at, committed_at)
SELECT id, kind, user_id, file_name, rows_json, error_count, created_at, committed_at FROM import_batches_old;

-- Ids of batches pruned before are never handed out again.
INSERT INTO sqlite_sequence (name, seq)
SELECT 'import_batches', seq FROM sqlite_sequence WHERE name = 'import_batches_old'
AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'import_batches');
UPDATE sqlite_sequence
SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'import_batches_old')
WHERE name = 'import_batches'
AND seq < (SELECT seq FROM sqlite_sequence WHERE name = 'import_batches_old');

DROP TABLE import_batches_old;
DELETE FROM sqlite_sequence WHERE name = 'import_batches_old';

CREATE INDEX import_batches_uncommitted ON import_batches (created_at) WHERE committed_at IS NULL;
