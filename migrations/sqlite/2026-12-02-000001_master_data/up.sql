-- Master data: suppliers (hotels with room types and seasonal rates, transport companies with
-- vehicles, restaurants, attractions, shops), guides, client agencies, exchange rates, and
-- the Excel import batches held between preview and commit.
-- Money is BIGINT minor units beside a TEXT currency; rates and percentages are canonical
-- decimal TEXT. Nothing referenced is deleted: rows are archived.

CREATE TABLE suppliers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('hotel', 'transport', 'restaurant', 'attraction', 'shop')),
    name TEXT NOT NULL,
    local_name TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    contact_name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    currency TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    stars INTEGER CHECK (stars IS NULL OR (stars BETWEEN 1 AND 5)),
    breakfast_minor BIGINT CHECK (breakfast_minor IS NULL OR breakfast_minor >= 0),
    lunch_minor BIGINT CHECK (lunch_minor IS NULL OR lunch_minor >= 0),
    dinner_minor BIGINT CHECK (dinner_minor IS NULL OR dinner_minor >= 0),
    adult_minor BIGINT CHECK (adult_minor IS NULL OR adult_minor >= 0),
    child_minor BIGINT CHECK (child_minor IS NULL OR child_minor >= 0),
    shop_kind TEXT NOT NULL DEFAULT '',
    commission_basis TEXT CHECK (commission_basis IS NULL OR commission_basis IN ('percent', 'per_head')),
    commission_percent TEXT,
    commission_per_head_minor BIGINT CHECK (commission_per_head_minor IS NULL OR commission_per_head_minor >= 0),
    split_agency TEXT,
    split_guide TEXT,
    split_driver TEXT,
    archived BOOLEAN NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX suppliers_kind_name ON suppliers (kind, name);

CREATE TABLE room_types (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    supplier_id BIGINT NOT NULL REFERENCES suppliers (id),
    kind TEXT NOT NULL CHECK (kind IN ('single', 'twin', 'double', 'triple', 'family')),
    name TEXT NOT NULL,
    max_occupancy INTEGER NOT NULL CHECK (max_occupancy BETWEEN 1 AND 20),
    archived BOOLEAN NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (supplier_id, name)
);

CREATE TABLE room_rates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    room_type_id BIGINT NOT NULL REFERENCES room_types (id),
    season TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    rate_minor BIGINT NOT NULL CHECK (rate_minor >= 0),
    currency TEXT NOT NULL,
    archived BOOLEAN NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX room_rates_room_type ON room_rates (room_type_id, starts_on);

CREATE TABLE vehicles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    supplier_id BIGINT NOT NULL REFERENCES suppliers (id),
    vehicle_type TEXT NOT NULL,
    seats INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 100),
    plate TEXT NOT NULL DEFAULT '',
    day_rate_minor BIGINT NOT NULL CHECK (day_rate_minor >= 0),
    transfer_rate_minor BIGINT NOT NULL CHECK (transfer_rate_minor >= 0),
    archived BOOLEAN NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX vehicles_supplier ON vehicles (supplier_id);

CREATE TABLE guides (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    local_name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    licence_number TEXT NOT NULL DEFAULT '',
    licence_expires_on DATE,
    daily_fee_minor BIGINT NOT NULL CHECK (daily_fee_minor >= 0),
    currency TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT 1,
    notes TEXT NOT NULL DEFAULT '',
    archived BOOLEAN NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX guides_name ON guides (name);

CREATE TABLE guide_languages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    guide_id BIGINT NOT NULL REFERENCES guides (id),
    language TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('basic', 'working', 'fluent', 'native')),
    UNIQUE (guide_id, language)
);

CREATE TABLE agencies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    country TEXT NOT NULL DEFAULT '',
    market TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL CHECK (language IN ('en', 'th', 'zh-CN', 'vi', 'ko', 'ja', 'ru', 'de', 'fr')),
    currency TEXT NOT NULL,
    credit_days INTEGER NOT NULL CHECK (credit_days BETWEEN 0 AND 365),
    credit_limit_minor BIGINT NOT NULL CHECK (credit_limit_minor >= 0),
    contact_name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    archived BOOLEAN NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX agencies_name ON agencies (name);

CREATE TABLE exchange_rates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    rate_date DATE NOT NULL,
    from_currency TEXT NOT NULL,
    to_currency TEXT NOT NULL,
    rate TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    locked BOOLEAN NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (from_currency, to_currency, rate_date),
    CHECK (from_currency <> to_currency)
);
CREATE INDEX exchange_rates_date ON exchange_rates (rate_date);

CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('hotels', 'guides', 'agencies', 'rates')),
    user_id BIGINT NOT NULL REFERENCES users (id),
    file_name TEXT NOT NULL,
    rows_json TEXT NOT NULL,
    error_count INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    committed_at TIMESTAMP
);
