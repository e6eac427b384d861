-- Qingting schema: the audit chain is keyed. Entries written from now on carry key_id and a MAC under the hall's
-- audit key (a file outside the database, AuditKeyRing) over their typed cells; entries written before keep their
-- plain SHA-256 and are trusted only up to audit_head.legacy_until, which the head's own MAC (head_mac, written by
-- the desk that applies this migration) vouches for. docs/ARCHITECTURE.md, "Audit trust model".
ALTER TABLE audit_log ADD COLUMN key_id TEXT;
ALTER TABLE audit_head ADD COLUMN legacy_until BIGINT NOT NULL DEFAULT 0;
ALTER TABLE audit_head ADD COLUMN key_id TEXT;
ALTER TABLE audit_head ADD COLUMN head_mac TEXT;
UPDATE audit_head SET legacy_until = last_seq;

--@ postgres
-- TRUNCATE skips row triggers: refuse it with a statement trigger of its own.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
