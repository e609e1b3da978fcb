-- A room type's name is unique among the hotel's live room types, compared on its key: the
-- old constraint compared exact names and counted archived rows (a rename to an archived
-- sibling's name failed in the database). SQLite cannot drop a table constraint, so the table
-- is rebuilt.
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE room_types_rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    supplier_id BIGINT NOT NULL REFERENCES suppliers (id),
    kind TEXT NOT NULL CHECK (kind IN ('single', 'twin', 'double', 'triple', 'family')),
    name TEXT NOT NULL,
    max_occupancy INTEGER NOT NULL CHECK (max_occupancy BETWEEN 1 AND 20),
    archived BOOLEAN NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    name_key TEXT NOT NULL DEFAULT ''
);
INSERT INTO room_types_rebuilt (id, supplier_id, kind, name, max_occupancy, archived, created_at, updated_at, name_key)
    SELECT id, supplier_id, kind, name, max_occupancy, archived, created_at, updated_at, name_key FROM room_types;
DROP TABLE room_types;
ALTER TABLE room_types_rebuilt RENAME TO room_types;
-- Keys are filled in Rust after the migrations run: rows still without one are not compared.
CREATE UNIQUE INDEX room_types_live_name ON room_types (supplier_id, name_key)
    WHERE archived = 0 AND name_key <> '';
CREATE INDEX room_types_supplier ON room_types (supplier_id);
COMMIT;
PRAGMA foreign_keys = ON;
