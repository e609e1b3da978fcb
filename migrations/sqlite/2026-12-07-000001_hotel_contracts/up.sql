-- Hotel contracts in full: a contract's validity per hotel, each seasonal rate's terms,
-- peak-period surcharges on top of the seasons, and allotments with their release days.
CREATE TABLE hotel_contracts (
    supplier_id BIGINT PRIMARY KEY REFERENCES suppliers (id),
    reference TEXT NOT NULL DEFAULT '',
    valid_from DATE NOT NULL,
    valid_to DATE NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMP NOT NULL,
    CHECK (valid_to >= valid_from)
);

ALTER TABLE room_rates ADD COLUMN extra_bed_minor BIGINT CHECK (extra_bed_minor >= 0);
ALTER TABLE room_rates ADD COLUMN child_minor BIGINT CHECK (child_minor >= 0);
ALTER TABLE room_rates ADD COLUMN child_from_age INTEGER CHECK (child_from_age BETWEEN 0 AND 17);
ALTER TABLE room_rates ADD COLUMN child_to_age INTEGER CHECK (child_to_age BETWEEN 0 AND 17);
ALTER TABLE room_rates ADD COLUMN breakfast TEXT NOT NULL DEFAULT 'included'
    CHECK (breakfast IN ('included', 'extra', 'none'));
ALTER TABLE room_rates ADD COLUMN breakfast_minor BIGINT CHECK (breakfast_minor >= 0);
ALTER TABLE room_rates ADD COLUMN single_supplement_minor BIGINT CHECK (single_supplement_minor >= 0);
ALTER TABLE room_rates ADD COLUMN min_nights INTEGER NOT NULL DEFAULT 1 CHECK (min_nights BETWEEN 1 AND 60);
ALTER TABLE room_rates ADD COLUMN complimentary BOOLEAN NOT NULL DEFAULT 0;

CREATE TABLE peak_surcharges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    supplier_id BIGINT NOT NULL REFERENCES suppliers (id),
    room_type_id BIGINT REFERENCES room_types (id),
    name TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
    currency TEXT NOT NULL,
    min_nights INTEGER NOT NULL DEFAULT 1 CHECK (min_nights BETWEEN 1 AND 60),
    archived BOOLEAN NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX peak_surcharges_supplier ON peak_surcharges (supplier_id, starts_on);

CREATE TABLE allotments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    room_type_id BIGINT NOT NULL REFERENCES room_types (id),
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    rooms INTEGER NOT NULL CHECK (rooms BETWEEN 1 AND 999),
    release_days INTEGER NOT NULL CHECK (release_days BETWEEN 0 AND 365),
    archived BOOLEAN NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX allotments_room_type ON allotments (room_type_id, starts_on);
