DROP INDEX room_types_supplier;
DROP INDEX room_types_live_name;
ALTER TABLE room_types ADD CONSTRAINT room_types_supplier_id_name_key UNIQUE (supplier_id, name);
