-- Back to the four import kinds; batches of the supplier kinds added by `up` are removed.
DELETE FROM import_batches WHERE kind IN ('transport', 'restaurants', 'attractions', 'shops');
ALTER TABLE import_batches DROP CONSTRAINT import_batches_kind_check;
ALTER TABLE import_batches ADD CONSTRAINT import_batches_kind_check
    CHECK (kind IN ('hotels', 'guides', 'agencies', 'rates'));
