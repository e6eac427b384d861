-- Qingting schema: the SLA engine (issue 12, helper "sla"). The hall's deadline rules and the pauses of a case's
-- clocks (app/core/sla/SlaEngine.h).
--
-- * sla_policy: one row (id = 1) holding SlaPolicy as JSON (SqlSlaPolicyRepository); no row = the defaults.
-- * case_pauses: every stop of a case's clocks (waiting on the citizen 补正材料 or on a third party), with its
--   reason; resumed_at NULL while it lasts. At most one open pause per case (a partial unique index). Read per case
--   in order (case_pauses_case).
-- * cases.paused_at: the start of the open pause, NULL when the clocks run. The "paused" view of the case list reads
--   cases_paused; while paused, open_due_at is NULL (a paused case is not overdue).

CREATE TABLE sla_policy (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    document   TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE case_pauses (
    id           {{ID}},
    case_id      BIGINT NOT NULL REFERENCES cases (id),
    kind         TEXT NOT NULL CHECK (kind IN ('citizen', 'third_party')),
    reason       TEXT NOT NULL,
    paused_at    BIGINT NOT NULL,
    paused_by_id BIGINT REFERENCES users (id),
    paused_by    TEXT NOT NULL,
    resumed_at   BIGINT,
    resumed_by_id BIGINT REFERENCES users (id),
    resumed_by   TEXT NOT NULL DEFAULT '',
    resume_note  TEXT NOT NULL DEFAULT '',
    CHECK (resumed_at IS NULL OR resumed_at >= paused_at)
);
CREATE INDEX case_pauses_case ON case_pauses (case_id, paused_at, id);
CREATE UNIQUE INDEX case_pauses_one_open ON case_pauses (case_id) WHERE resumed_at IS NULL;

ALTER TABLE cases ADD COLUMN paused_at BIGINT;
CREATE INDEX cases_paused ON cases (paused_at, id) WHERE paused_at IS NOT NULL;
