-- Tours (product templates) with their itinerary days and service lines, each tour's working
-- costing sheet, quotations with their versions, and groups (departures).
CREATE TABLE tours (
    id BIGSERIAL PRIMARY KEY,
    code TEXT NOT NULL,
    code_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description_en TEXT NOT NULL DEFAULT '',
    description_th TEXT NOT NULL DEFAULT '',
    description_zh TEXT NOT NULL DEFAULT '',
    description_vi TEXT NOT NULL DEFAULT '',
    days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 60),
    nights INTEGER NOT NULL CHECK (nights BETWEEN 0 AND 60),
    cities TEXT NOT NULL DEFAULT '',
    market TEXT NOT NULL DEFAULT '',
    min_pax INTEGER NOT NULL DEFAULT 1 CHECK (min_pax BETWEEN 1 AND 999),
    archived BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    search_key TEXT NOT NULL
);
CREATE INDEX tours_archived_name ON tours (archived, name);

CREATE TABLE tour_days (
    id BIGSERIAL PRIMARY KEY,
    tour_id BIGINT NOT NULL REFERENCES tours (id),
    position INTEGER NOT NULL,
    title_en TEXT NOT NULL DEFAULT '',
    title_th TEXT NOT NULL DEFAULT '',
    title_zh TEXT NOT NULL DEFAULT '',
    title_vi TEXT NOT NULL DEFAULT '',
    text_en TEXT NOT NULL DEFAULT '',
    text_th TEXT NOT NULL DEFAULT '',
    text_zh TEXT NOT NULL DEFAULT '',
    text_vi TEXT NOT NULL DEFAULT '',
    overnight_city TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tour_days_tour ON tour_days (tour_id, position);

CREATE TABLE tour_lines (
    id BIGSERIAL PRIMARY KEY,
    day_id BIGINT NOT NULL REFERENCES tour_days (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL
        CHECK (kind IN ('hotel', 'transport', 'meal', 'entrance', 'guide', 'shopping', 'other')),
    supplier_id BIGINT REFERENCES suppliers (id),
    room_type_id BIGINT REFERENCES room_types (id),
    nights INTEGER NOT NULL DEFAULT 0 CHECK (nights BETWEEN 0 AND 60),
    vehicle_id BIGINT REFERENCES vehicles (id),
    transport_use TEXT NOT NULL DEFAULT 'day' CHECK (transport_use IN ('day', 'transfer')),
    meal TEXT NOT NULL DEFAULT '' CHECK (meal IN ('', 'breakfast', 'lunch', 'dinner')),
    adults INTEGER NOT NULL DEFAULT 0 CHECK (adults BETWEEN 0 AND 999),
    children INTEGER NOT NULL DEFAULT 0 CHECK (children BETWEEN 0 AND 999),
    guide_id BIGINT REFERENCES guides (id),
    description TEXT NOT NULL DEFAULT '',
    cost_minor BIGINT CHECK (cost_minor >= 0),
    cost_currency TEXT,
    cost_basis TEXT NOT NULL DEFAULT 'group' CHECK (cost_basis IN ('group', 'person'))
);
CREATE INDEX tour_lines_day ON tour_lines (day_id, position);

-- A tour's working costing sheet; quotations keep their own frozen copies.
CREATE TABLE costings (
    tour_id BIGINT PRIMARY KEY REFERENCES tours (id),
    starts_on DATE NOT NULL,
    currency TEXT NOT NULL,
    tiers TEXT NOT NULL,
    foc_per INTEGER NOT NULL CHECK (foc_per BETWEEN 0 AND 999),
    foc_room TEXT NOT NULL CHECK (foc_room IN ('twin', 'single')),
    pricing TEXT NOT NULL CHECK (pricing IN ('markup', 'margin')),
    percent TEXT NOT NULL,
    step TEXT NOT NULL,
    guide_seats INTEGER NOT NULL DEFAULT 1 CHECK (guide_seats BETWEEN 0 AND 9),
    updated_at TIMESTAMP NOT NULL
);

-- A planning rate set by hand on a costing sheet (otherwise the latest on or before its date).
CREATE TABLE costing_rates (
    tour_id BIGINT NOT NULL REFERENCES tours (id),
    currency TEXT NOT NULL,
    rate TEXT NOT NULL,
    set_by BIGINT REFERENCES users (id),
    set_by_name TEXT NOT NULL,
    set_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tour_id, currency)
);

-- A line's rate set by hand in place of the contract's.
CREATE TABLE costing_overrides (
    line_id BIGINT PRIMARY KEY REFERENCES tour_lines (id),
    amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
    currency TEXT NOT NULL,
    set_by BIGINT REFERENCES users (id),
    set_by_name TEXT NOT NULL,
    set_at TIMESTAMP NOT NULL
);

CREATE TABLE quotations (
    id BIGSERIAL PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    tour_id BIGINT NOT NULL REFERENCES tours (id),
    agency_id BIGINT NOT NULL REFERENCES agencies (id),
    starts_on DATE NOT NULL,
    currency TEXT NOT NULL,
    valid_until DATE NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('draft', 'sent', 'accepted', 'declined', 'expired')),
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    search_key TEXT NOT NULL
);
CREATE INDEX quotations_created ON quotations (created_at, id);
CREATE INDEX quotations_agency ON quotations (agency_id, starts_on);

-- Each version is a full copy of the costing and its prices (JSON), taken when it is made.
CREATE TABLE quotation_versions (
    id BIGSERIAL PRIMARY KEY,
    quotation_id BIGINT NOT NULL REFERENCES quotations (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    status TEXT NOT NULL
        CHECK (status IN ('draft', 'sent', 'accepted', 'declined', 'expired')),
    snapshot TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    decided_at TIMESTAMP,
    UNIQUE (quotation_id, version)
);

CREATE TABLE tour_groups (
    id BIGSERIAL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    tour_id BIGINT NOT NULL REFERENCES tours (id),
    agency_id BIGINT NOT NULL REFERENCES agencies (id),
    quotation_version_id BIGINT REFERENCES quotation_versions (id),
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    market TEXT NOT NULL DEFAULT '',
    pax_paying INTEGER NOT NULL CHECK (pax_paying BETWEEN 0 AND 999),
    pax_foc INTEGER NOT NULL CHECK (pax_foc BETWEEN 0 AND 999),
    tour_leaders INTEGER NOT NULL CHECK (tour_leaders BETWEEN 0 AND 99),
    status TEXT NOT NULL
        CHECK (status IN ('quoted', 'confirmed', 'operating', 'completed', 'closed', 'cancelled')),
    cancel_reason TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    search_key TEXT NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX tour_groups_starts ON tour_groups (starts_on, id);
CREATE INDEX tour_groups_status ON tour_groups (status, starts_on);
CREATE INDEX tour_groups_agency ON tour_groups (agency_id, starts_on);
CREATE INDEX tour_groups_tour ON tour_groups (tour_id);
