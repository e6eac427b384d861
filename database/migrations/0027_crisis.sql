-- Qingting schema: crisis mode (危机处置, issue 16 part B). See app/core/crisis and docs/ARCHITECTURE.md ("Crisis
-- mode").
--
-- * crises: one crisis for one case or a group of cases. golden_hours (4, or 1 in the strict setting) is copied from
--   the deadline rules when it opens, so a later change of the setting does not move a running clock; the clock's
--   deadline is opened_at + golden_hours wall-clock hours; statement_at is the first published statement (it stops
--   the clock); closed_at NULL while the crisis is open.
-- * crisis_cases: the cases a crisis covers. released_at is set when the crisis closes; a case is in at most one open
--   crisis (the partial unique index crisis_cases_one_open).
-- * crisis_steps: the checklist, at most one row per step (done once).
-- * crisis_statements: every published statement (holding statement or public reply), in order.
-- * crisis_reviews / crisis_lessons: the post-crisis review (复盘), one per crisis, and its ordered lessons; a lesson
--   that became an improvement action names it.
CREATE TABLE crises (
    id             {{ID}},
    title          TEXT NOT NULL CHECK (title <> ''),
    opened_at      BIGINT NOT NULL,
    opened_by_id   BIGINT REFERENCES users (id),
    opened_by      TEXT NOT NULL,
    golden_hours   INTEGER NOT NULL CHECK (golden_hours IN (1, 4)),
    spokesperson   TEXT NOT NULL DEFAULT '',
    statement_at   BIGINT,
    closed_at      BIGINT,
    closed_by_id   BIGINT REFERENCES users (id),
    closed_by      TEXT NOT NULL DEFAULT '',
    close_note     TEXT NOT NULL DEFAULT '',
    CHECK (statement_at IS NULL OR statement_at >= opened_at),
    CHECK (closed_at IS NULL OR closed_at >= opened_at)
);
CREATE INDEX crises_open ON crises (opened_at, id) WHERE closed_at IS NULL;

CREATE TABLE crisis_cases (
    crisis_id   BIGINT NOT NULL REFERENCES crises (id),
    case_id     BIGINT NOT NULL REFERENCES cases (id),
    released_at BIGINT,
    PRIMARY KEY (crisis_id, case_id)
);
CREATE INDEX crisis_cases_case ON crisis_cases (case_id, crisis_id);
CREATE UNIQUE INDEX crisis_cases_one_open ON crisis_cases (case_id) WHERE released_at IS NULL;

CREATE TABLE crisis_steps (
    crisis_id  BIGINT NOT NULL REFERENCES crises (id),
    step       TEXT NOT NULL CHECK (step IN ('assess_impact', 'name_spokesperson', 'agree_statement', 'involve_legal',
                                             'inform_leadership')),
    done_at    BIGINT NOT NULL,
    done_by_id BIGINT REFERENCES users (id),
    done_by    TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (crisis_id, step)
);

CREATE TABLE crisis_statements (
    id           {{ID}},
    crisis_id    BIGINT NOT NULL REFERENCES crises (id),
    kind         TEXT NOT NULL CHECK (kind IN ('holding', 'public_reply')),
    text         TEXT NOT NULL CHECK (text <> ''),
    published_at BIGINT NOT NULL,
    by_id        BIGINT REFERENCES users (id),
    by_name      TEXT NOT NULL
);
CREATE INDEX crisis_statements_crisis ON crisis_statements (crisis_id, published_at, id);

CREATE TABLE crisis_reviews (
    crisis_id      BIGINT PRIMARY KEY REFERENCES crises (id),
    what_happened  TEXT NOT NULL,
    what_worked    TEXT NOT NULL DEFAULT '',
    what_did_not   TEXT NOT NULL DEFAULT '',
    reviewed_at    BIGINT NOT NULL,
    reviewed_by_id BIGINT REFERENCES users (id),
    reviewed_by    TEXT NOT NULL
);

CREATE TABLE crisis_lessons (
    crisis_id      BIGINT NOT NULL REFERENCES crises (id),
    position       INTEGER NOT NULL,
    text           TEXT NOT NULL CHECK (text <> ''),
    improvement_id BIGINT REFERENCES improvement_actions (id),
    PRIMARY KEY (crisis_id, position)
);
