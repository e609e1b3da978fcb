DROP TRIGGER audit_log_no_delete;
DROP TRIGGER audit_log_no_update;
DROP TABLE audit_log;
DROP TABLE sign_in_failures;
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE tenant_settings;
