-- Qingting schema: views and supervision (督办, issue 12, helper "supervise").
--
-- * cases.reminder_level / reminded_at: how many reminders (督办) a supervisor sent on the case and when the last
--   one went out; the level is the escalation the assignee sees (1 督办, 2 催办, 3 and more 挂牌督办). Every
--   reminder is also a 'reminded' event on the timeline and an audit entry.
-- * The views "awaiting sign-for" and "paused" are keyed on cases.transfer_state (migration 0018, with its partial
--   index cases_transfer_state) and cases.paused_at (0014, cases_paused).
-- * Indexes: each view is one index range; the partial indexes hold only the few cases in that state.
-- * PostgreSQL: every new timeline event is announced (NOTIFY qingting_case_events, payload = the event id), so that
--   a desk listening on its worker connection learns of a reassignment, reminder or return at once. SQLite desks
--   poll the newest event id instead (an index lookup).

ALTER TABLE cases ADD COLUMN reminder_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN reminded_at BIGINT;


--@ postgres
CREATE FUNCTION case_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('qingting_case_events', NEW.id::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER case_events_notify AFTER INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION case_events_notify();
