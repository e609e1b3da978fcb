PRAGMA foreign_keys = OFF;
BEGIN;
DROP INDEX room_types_live_name;
DROP INDEX room_types_supplier;
CREATE TABLE room_types_rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    supplier_id BIGINT NOT NULL REFERENCES suppliers (id),
    kind TEXT NOT NULL CHECK (kind IN ('single', 'twin', 'double', 'triple', 'family')),
    name TEXT NOT NULL,
    max_occupancy INTEGER NOT NULL CHECK (max_occupancy BETWEEN 1 AND 20),
    archived BOOLEAN NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    name_key TEXT NOT NULL DEFAULT '',
    UNIQUE (supplier_id, name)
);
INSERT INTO room_types_rebuilt SELECT id, supplier_id, kind, name, max_occupancy, archived, created_at, updated_at, name_key FROM room_types;
DROP TABLE room_types;
ALTER TABLE room_types_rebuilt RENAME TO room_types;
COMMIT;
PRAGMA foreign_keys = ON;
