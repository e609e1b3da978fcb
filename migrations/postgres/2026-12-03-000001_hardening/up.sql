-- Refusals of requests without a session, counted per client address and minute (and in
-- all, under the address '*'), so that only the first few of each minute reach the audit log.
CREATE TABLE anonymous_refusals (
    client_addr TEXT NOT NULL,
    minute TIMESTAMP NOT NULL,
    count BIGINT NOT NULL CHECK (count > 0),
    PRIMARY KEY (client_addr, minute)
);
CREATE INDEX anonymous_refusals_minute ON anonymous_refusals (minute);
CREATE INDEX import_batches_uncommitted ON import_batches (created_at) WHERE committed_at IS NULL;
