-- Qingting schema, version 3: repeated failed logins lock an account for a while (AuthService decides how many and
-- how long); an administrator's password reset or re-enabling unlocks it at once.
ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0);
ALTER TABLE users ADD COLUMN locked_until BIGINT;
