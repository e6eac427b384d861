-- Qingting schema: failed logins of names that are no account are counted and locked like a real account's
-- (users.failed_logins / locked_until), so that a lockout does not tell which logins exist. Rows not touched for a
-- day are forgotten (AuthService), so a flood of invented names cannot grow the table without bound.
CREATE TABLE login_failures (
    login          TEXT PRIMARY KEY,
    failures       INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    locked_until   BIGINT,
    last_failed_at BIGINT NOT NULL
);
CREATE INDEX login_failures_last ON login_failures (last_failed_at);
