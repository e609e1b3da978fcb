-- The agency's time zone (an IANA name) is a tenant setting, written by `tenant new`.
-- Tenants made before this migration get Asia/Bangkok, the product's first market; when
-- `tourdesk tenant migrate` (or the launcher) applies this migration it then gives them the
-- default of their language instead (`provision::migrate`), and an admin can change it on
-- the settings page.
INSERT INTO tenant_settings (key, value)
SELECT 'time_zone', 'Asia/Bangkok'
WHERE EXISTS (SELECT 1 FROM tenant_settings WHERE key = 'tenant_slug')
  AND NOT EXISTS (SELECT 1 FROM tenant_settings WHERE key = 'time_zone');

-- How a user reads years: Gregorian, or the Buddhist Era (year + 543). Display only.
ALTER TABLE users ADD COLUMN year_style TEXT NOT NULL DEFAULT 'gregorian'
    CHECK (year_style IN ('gregorian', 'buddhist'));
