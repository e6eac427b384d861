-- Speed of bulk writes (issue 13): one SQLite trigger a cases INSERT (and one a DELETE) instead of four (two).
--
-- SQLite runs every row trigger as its own sub-program for every row, whether its WHEN clause holds or not: that call
-- alone cost about 1.1 s per 100,000 inserted cases (docs/BENCHMARKS.md). A case insert ran four of them: the two
-- CHECK stand-ins of 0011/0018/0020 (intake codes, transfer state), the status count of 0004 and the daily figures'
-- mark of 0019. They become one AFTER INSERT trigger whose statements are the four bodies, in that order, each with
-- its former WHEN clause as a WHERE:
-- * the checks come first, and RAISE(ABORT) in an AFTER trigger undoes the whole statement just as in a BEFORE one,
--   with the same message, so a bad code still leaves nothing written;
-- * the count and the marks are the same statements as before.
-- The DELETE triggers of 0004 and 0019 merge the same way. UPDATE triggers stay as they are: they fire only for the
-- columns they name, and updates come one case at a time. PostgreSQL is unchanged (CHECK constraints; one PL/pgSQL
-- function a trigger).

--@ sqlite
DROP TRIGGER cases_intake_codes_insert;
DROP TRIGGER cases_transfer_state_insert;
DROP TRIGGER cases_count_insert;
DROP TRIGGER metrics_cases_insert;
CREATE TRIGGER cases_insert AFTER INSERT ON cases BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: intake code') WHERE (NEW.emotion <> 'calm' AND NEW.emotion <> 'dissatisfied' AND NEW.emotion <> 'agitated' AND NEW.emotion <> 'angry') OR (NEW.severity <> 'minor' AND NEW.severity <> 'moderate' AND NEW.severity <> 'serious' AND NEW.severity <> 'critical') OR (NEW.scope <> 'individual' AND NEW.scope <> 'group' AND NEW.scope <> 'public') OR (NEW.recurrence <> 'first' AND NEW.recurrence <> 'repeat' AND NEW.recurrence <> 'systemic') OR (NEW.reasonableness <> 'reasonable' AND NEW.reasonableness <> 'partly_reasonable' AND NEW.reasonableness <> 'unreasonable' AND NEW.reasonableness <> 'to_verify') OR (NEW.responsibility <> 'own_unit' AND NEW.responsibility <> 'other_department' AND NEW.responsibility <> 'misunderstanding' AND NEW.responsibility <> 'to_verify') OR (NEW.resolved_on_spot <> 0 AND NEW.resolved_on_spot <> 1); SELECT RAISE(ABORT, 'CHECK constraint failed: transfer state') WHERE NEW.transfer_state <> 'awaiting_sign' AND NEW.transfer_state <> 'signed' AND NEW.transfer_state <> 'returned'; UPDATE case_status_counts SET n = n + 1 WHERE status = NEW.status; INSERT OR IGNORE INTO metrics_dirty (utc_hour) VALUES (NEW.received_at / 3600); INSERT OR IGNORE INTO metrics_dirty (utc_hour) SELECT p.received_at / 3600 FROM cases p WHERE NEW.citizen_id IS NOT NULL AND p.citizen_id = NEW.citizen_id AND p.closed_at >= NEW.received_at - 2592000 AND p.closed_at < NEW.received_at; END;
DROP TRIGGER cases_count_delete;
DROP TRIGGER metrics_cases_delete;
CREATE TRIGGER cases_delete AFTER DELETE ON cases BEGIN UPDATE case_status_counts SET n = n - 1 WHERE status = OLD.status; INSERT OR IGNORE INTO metrics_dirty (utc_hour) VALUES (OLD.received_at / 3600); INSERT OR IGNORE INTO metrics_dirty (utc_hour) SELECT p.received_at / 3600 FROM cases p WHERE OLD.citizen_id IS NOT NULL AND p.citizen_id = OLD.citizen_id AND p.closed_at >= OLD.received_at - 2592000 AND p.closed_at < OLD.received_at; END;

--@ postgres
-- Nothing to change: PostgreSQL checks the code columns with CHECK constraints, and its triggers are few.
SELECT 1;
