-- The people to call at a supplier or a client agency: any number per party, archived, never deleted.
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    party_kind TEXT NOT NULL CHECK (party_kind IN ('supplier', 'agency')),
    party_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    position TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    archived BOOLEAN NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX contacts_party ON contacts (party_kind, party_id);
