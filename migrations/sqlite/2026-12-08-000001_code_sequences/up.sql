-- The last number given per kind of code (quotation, group) and year: numbers are allocated in
-- the transaction that creates their record, so a rolled-back creation leaves no gap.
CREATE TABLE code_sequences (
    kind TEXT NOT NULL CHECK (kind IN ('quotation', 'group')),
    year INTEGER NOT NULL,
    last BIGINT NOT NULL CHECK (last >= 0),
    PRIMARY KEY (kind, year)
);
