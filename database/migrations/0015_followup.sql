-- Qingting schema: follow-up (回访) and 好差评 (issue 12, helper "followup"). Failed follow-up attempts and the
-- unreachable mark (失联), the rectification after a bad review (差评整改: 核实 → 整改 → 反馈 → second follow-up),
-- appeals against a rating (申诉复核, four eyes) and ratings left out of the figures. The original rating is always
-- kept: follow_ups rows are never changed except for their `excluded` flag, set by an approved appeal.
--
-- * cases.followup_attempts / unreachable_at: failed attempts since the last resolution, and when the policy's
--   number of them marked the case unreachable.
-- * cases.rating_excluded: 1 = the case's current rating (cases.rating) was left out of the figures by an
--   approved appeal. CSAT and NPS count cases WHERE rating_excluded = 0 (FollowUpRepository::figures).
-- * follow_ups.excluded: the same per follow-up (the original row of an appealed rating).
ALTER TABLE cases ADD COLUMN followup_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN unreachable_at BIGINT;
ALTER TABLE cases ADD COLUMN rating_excluded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE follow_ups ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0;

-- A follow-up that did not reach the citizen (the ones that did are follow_ups rows with their rating).
CREATE TABLE follow_up_attempts (
    id       {{ID}},
    case_id  BIGINT NOT NULL REFERENCES cases (id),
    at       BIGINT NOT NULL,
    method   TEXT NOT NULL CHECK (method IN ('phone', 'sms', 'visit')),
    note     TEXT NOT NULL DEFAULT '',
    actor_id BIGINT REFERENCES users (id),
    actor    TEXT NOT NULL
);
CREATE INDEX follow_up_attempts_case ON follow_up_attempts (case_id, id);

-- One rectification per bad review. stage = what is still to do: verify (核实), rectify (整改), feedback (反馈),
-- second_follow_up (二次回访), or done.
CREATE TABLE rectifications (
    id                  {{ID}},
    case_id             BIGINT NOT NULL REFERENCES cases (id),
    follow_up_id        BIGINT REFERENCES follow_ups (id),
    bad_rating          INTEGER NOT NULL CHECK (bad_rating BETWEEN 1 AND 5),
    stage               TEXT NOT NULL CHECK (stage IN ('verify', 'rectify', 'feedback', 'second_follow_up', 'done')),
    started_at          BIGINT NOT NULL,
    due_at              BIGINT NOT NULL,
    verified_at         BIGINT,
    verify_note         TEXT NOT NULL DEFAULT '',
    rectified_at        BIGINT,
    rectify_note        TEXT NOT NULL DEFAULT '',
    feedback_at         BIGINT,
    feedback_note       TEXT NOT NULL DEFAULT '',
    second_due_at       BIGINT,
    second_follow_up_id BIGINT REFERENCES follow_ups (id),
    done_at             BIGINT,
    started_by          TEXT NOT NULL
);
CREATE INDEX rectifications_case ON rectifications (case_id, id);

-- 申诉复核: a supervisor asks that a rating be left out; a second supervisor decides.
CREATE TABLE rating_appeals (
    id              {{ID}},
    case_id         BIGINT NOT NULL REFERENCES cases (id),
    follow_up_id    BIGINT REFERENCES follow_ups (id),
    rating          INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    reason_kind     TEXT NOT NULL CHECK (reason_kind IN ('mistaken', 'malicious')),
    reason          TEXT NOT NULL,
    requested_by_id BIGINT REFERENCES users (id),
    requested_by    TEXT NOT NULL,
    requested_at    BIGINT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'refused')),
    decided_by_id   BIGINT REFERENCES users (id),
    decided_by      TEXT,
    decided_at      BIGINT,
    decision_note   TEXT NOT NULL DEFAULT '',
    CHECK (decided_by_id IS NULL OR requested_by_id IS NULL OR decided_by_id <> requested_by_id)
);
CREATE INDEX rating_appeals_case ON rating_appeals (case_id, id);
-- At most one pending appeal per case, and the supervisors' queue of pending appeals, oldest first.
CREATE UNIQUE INDEX rating_appeals_one_pending ON rating_appeals (case_id) WHERE state = 'pending';
CREATE INDEX rating_appeals_pending ON rating_appeals (requested_at, id) WHERE state = 'pending';

-- The no-rating rule's sweep: resolved cases without a rating, oldest resolution first.
CREATE INDEX cases_unrated_resolved ON cases (status, resolved_at, id) WHERE rating IS NULL;
