-- A room type's name is unique among the hotel's live room types, compared on its key: the
-- old constraint compared exact names and counted archived rows.
ALTER TABLE room_types DROP CONSTRAINT IF EXISTS room_types_supplier_id_name_key;
-- Keys are filled in Rust after the migrations run: rows still without one are not compared.
CREATE UNIQUE INDEX room_types_live_name ON room_types (supplier_id, name_key)
    WHERE archived = FALSE AND name_key <> '';
CREATE INDEX room_types_supplier ON room_types (supplier_id);
