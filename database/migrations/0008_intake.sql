-- Qingting schema: the guided intake (受理向导, issue 11). What the clerk confirmed with the citizen beyond the
-- words: the emotion heard, the facts, the impact and the steps (IntakeDetail in app/core/cases/Intake.h), kept on
-- the case. Codes are the stable codes of IntakeCodes; NULL = not recorded (cases from before the intake).
--
-- * citizens.phone_key: the phone number normalised as CitizenValidator::normalizedPhone does it (no spaces,
--   hyphens, brackets or '+', no 86 before an 11-digit mobile number), so that a known citizen is found by one index range
--   however the number was typed. The UPDATE below is the same rule in SQL for the rows already stored.
-- * cases (citizen_id, received_at, id) and (service_item_id, category_id, received_at, id): the citizen's earlier
--   cases and the similar cases of the last 30 days are index ranges read newest first, on a million cases.

ALTER TABLE cases ADD COLUMN emotion TEXT CHECK (emotion IN ('calm', 'dissatisfied', 'agitated', 'angry'));
ALTER TABLE cases ADD COLUMN facts_what TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN facts_when TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN facts_where TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN facts_involved TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN facts_window_id BIGINT REFERENCES windows (id);
ALTER TABLE cases ADD COLUMN affected TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN severity TEXT CHECK (severity IN ('minor', 'moderate', 'serious', 'critical'));
ALTER TABLE cases ADD COLUMN scope TEXT CHECK (scope IN ('individual', 'group', 'public'));
ALTER TABLE cases ADD COLUMN recurrence TEXT CHECK (recurrence IN ('first', 'repeat', 'systemic'));
ALTER TABLE cases ADD COLUMN demand TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN reasonableness TEXT CHECK (reasonableness IN ('reasonable', 'partly_reasonable', 'unreasonable', 'to_verify'));
ALTER TABLE cases ADD COLUMN responsibility TEXT CHECK (responsibility IN ('own_unit', 'other_department', 'misunderstanding', 'to_verify'));
ALTER TABLE cases ADD COLUMN remedies TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN remedy_note TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN promise_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN reply_text TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN resolved_on_spot INTEGER NOT NULL DEFAULT 0 CHECK (resolved_on_spot IN (0, 1));
ALTER TABLE cases ADD COLUMN queue_ticket TEXT NOT NULL DEFAULT '';

DROP INDEX cases_citizen;
CREATE INDEX cases_citizen_received ON cases (citizen_id, received_at, id);
CREATE INDEX cases_item_category_received ON cases (service_item_id, category_id, received_at, id);

ALTER TABLE citizens ADD COLUMN phone_key TEXT NOT NULL DEFAULT '';
UPDATE citizens SET phone_key = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', '');
UPDATE citizens SET phone_key = substr(phone_key, 3) WHERE length(phone_key) = 13 AND substr(phone_key, 1, 3) = '861';
UPDATE citizens SET id_number = UPPER(TRIM(id_number)) WHERE id_number <> UPPER(TRIM(id_number));
CREATE INDEX citizens_phone_key ON citizens (phone_key);
