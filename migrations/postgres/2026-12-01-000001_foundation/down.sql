DROP TRIGGER audit_log_no_truncate ON audit_log;
DROP TRIGGER audit_log_no_update_or_delete ON audit_log;
DROP FUNCTION audit_log_append_only();
DROP TABLE audit_log;
DROP TABLE sign_in_failures;
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE tenant_settings;
