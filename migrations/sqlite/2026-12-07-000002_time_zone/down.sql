ALTER TABLE users DROP COLUMN year_style;
DELETE FROM tenant_settings WHERE key = 'time_zone';
