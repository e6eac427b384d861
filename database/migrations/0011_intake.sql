-- Qingting schema: the guided intake (受理向导, issue 11). What the clerk confirmed with the citizen beyond the
-- words: the emotion heard, the facts, the impact and the steps (IntakeDetail in app/core/cases/Intake.h), kept on
-- the case. Codes are the stable codes of IntakeCodes; NULL = not recorded (cases from before the intake).
--
-- * citizens.phone_key: the phone number normalised as CitizenValidator::normalizedPhone does it (no spaces,
--   hyphens, brackets or '+', no 86 before an 11-digit mobile number), so that a known citizen is found by one index range
--   however the number was typed. The UPDATE below is the same rule in SQL for the rows already stored.
-- * cases (citizen_id, received_at, id) and (service_item_id, category_id, received_at, id): the citizen's earlier
--   cases and the similar cases of the last 30 days are index ranges read newest first, on a million cases.

-- The columns without a code to check are added the same way on both databases. The coded ones are added without
-- an inline CHECK: on a million cases that would make SQLite run a quick_check of the whole table for each column
-- (about 5 s of CPU each) and PostgreSQL scan it for each constraint. Instead, SQLite checks the codes in triggers
-- and PostgreSQL adds NOT VALID constraints, enforced for every row written from now on (the rows already stored
-- hold NULL and 0, which pass).
ALTER TABLE cases ADD COLUMN emotion TEXT;
ALTER TABLE cases ADD COLUMN facts_what TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN facts_when TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN facts_where TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN facts_involved TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN facts_window_id BIGINT REFERENCES windows (id);
ALTER TABLE cases ADD COLUMN affected TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN severity TEXT;
ALTER TABLE cases ADD COLUMN scope TEXT;
ALTER TABLE cases ADD COLUMN recurrence TEXT;
ALTER TABLE cases ADD COLUMN demand TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN reasonableness TEXT;
ALTER TABLE cases ADD COLUMN responsibility TEXT;
ALTER TABLE cases ADD COLUMN remedies TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN remedy_note TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN promise_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN reply_text TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN resolved_on_spot INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN queue_ticket TEXT NOT NULL DEFAULT '';

--@ sqlite
CREATE TRIGGER cases_intake_codes_insert BEFORE INSERT ON cases WHEN NEW.emotion NOT IN ('calm', 'dissatisfied', 'agitated', 'angry') OR NEW.severity NOT IN ('minor', 'moderate', 'serious', 'critical') OR NEW.scope NOT IN ('individual', 'group', 'public') OR NEW.recurrence NOT IN ('first', 'repeat', 'systemic') OR NEW.reasonableness NOT IN ('reasonable', 'partly_reasonable', 'unreasonable', 'to_verify') OR NEW.responsibility NOT IN ('own_unit', 'other_department', 'misunderstanding', 'to_verify') OR NEW.resolved_on_spot NOT IN (0, 1) BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: intake code'); END;
CREATE TRIGGER cases_intake_codes_update BEFORE UPDATE OF emotion, severity, scope, recurrence, reasonableness, responsibility, resolved_on_spot ON cases WHEN NEW.emotion NOT IN ('calm', 'dissatisfied', 'agitated', 'angry') OR NEW.severity NOT IN ('minor', 'moderate', 'serious', 'critical') OR NEW.scope NOT IN ('individual', 'group', 'public') OR NEW.recurrence NOT IN ('first', 'repeat', 'systemic') OR NEW.reasonableness NOT IN ('reasonable', 'partly_reasonable', 'unreasonable', 'to_verify') OR NEW.responsibility NOT IN ('own_unit', 'other_department', 'misunderstanding', 'to_verify') OR NEW.resolved_on_spot NOT IN (0, 1) BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: intake code'); END;

--@ postgres
ALTER TABLE cases ADD CONSTRAINT cases_emotion_code CHECK (emotion IN ('calm', 'dissatisfied', 'agitated', 'angry')) NOT VALID;
ALTER TABLE cases ADD CONSTRAINT cases_severity_code CHECK (severity IN ('minor', 'moderate', 'serious', 'critical')) NOT VALID;
ALTER TABLE cases ADD CONSTRAINT cases_scope_code CHECK (scope IN ('individual', 'group', 'public')) NOT VALID;
ALTER TABLE cases ADD CONSTRAINT cases_recurrence_code CHECK (recurrence IN ('first', 'repeat', 'systemic')) NOT VALID;
ALTER TABLE cases ADD CONSTRAINT cases_reasonableness_code CHECK (reasonableness IN ('reasonable', 'partly_reasonable', 'unreasonable', 'to_verify')) NOT VALID;
ALTER TABLE cases ADD CONSTRAINT cases_responsibility_code CHECK (responsibility IN ('own_unit', 'other_department', 'misunderstanding', 'to_verify')) NOT VALID;
ALTER TABLE cases ADD CONSTRAINT cases_resolved_on_spot_flag CHECK (resolved_on_spot IN (0, 1)) NOT VALID;

--@ all
DROP INDEX cases_citizen;
CREATE INDEX cases_citizen_received ON cases (citizen_id, received_at, id);
CREATE INDEX cases_item_category_received ON cases (service_item_id, category_id, received_at, id);

ALTER TABLE citizens ADD COLUMN phone_key TEXT NOT NULL DEFAULT '';
UPDATE citizens SET phone_key = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', '');
UPDATE citizens SET phone_key = substr(phone_key, 3) WHERE length(phone_key) = 13 AND substr(phone_key, 1, 3) = '861';
UPDATE citizens SET id_number = UPPER(TRIM(id_number)) WHERE id_number <> UPPER(TRIM(id_number));
CREATE INDEX citizens_phone_key ON citizens (phone_key);
