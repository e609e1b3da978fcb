-- Import batches of the supplier kinds other than hotels: transport, restaurants, attractions,
-- shops.
ALTER TABLE import_batches DROP CONSTRAINT import_batches_kind_check;
ALTER TABLE import_batches ADD CONSTRAINT import_batches_kind_check
    CHECK (kind IN ('hotels', 'transport', 'restaurants', 'attractions', 'shops', 'guides', 'agencies', 'rates'));
