-- Qingting schema: the trainer's library of training cases (模拟演练, issue 15, helper "train15"). See TrainingService
-- and docs/ARCHITECTURE.md ("Training cases").
--
-- * training_cases: an anonymized copy of a closed case, apart from the live tables. Category, service item and
--   channel are stored as names and codes, not ids (a training case travels between halls in a training-set file).
--   source_case_id is the live case it was built from: UNIQUE, so the same case is not built twice; deliberately
--   without a foreign key, since a live case may be purged while the training case stays. It is never exported.
--   created_by is the trainer's login (never exported either); version for optimistic locking as on cases.
-- * training_stages: one row per drill stage (listen, facts, impact, steps): the citizen's words, the emotion code and
--   the model answer. training_events: the anonymized timeline.
-- * The library's list reads training_cases_created (created_at, id) newest first, or one category's range of
--   training_cases_category (category, created_at, id).
CREATE TABLE training_cases (
    id             {{ID}},
    title          TEXT NOT NULL CHECK (title <> ''),
    category       TEXT NOT NULL DEFAULT '',
    service_item   TEXT NOT NULL DEFAULT '',
    channel        TEXT NOT NULL DEFAULT '',
    outcome        TEXT NOT NULL DEFAULT '',
    rating         INTEGER CHECK (rating BETWEEN 1 AND 5),
    complaint_text TEXT NOT NULL DEFAULT '',
    facts          TEXT NOT NULL DEFAULT '',
    impact         TEXT NOT NULL DEFAULT '',
    steps          TEXT NOT NULL DEFAULT '',
    trainer_note   TEXT NOT NULL DEFAULT '',
    source_case_id BIGINT UNIQUE,
    created_at     BIGINT NOT NULL,
    created_by     TEXT NOT NULL,
    updated_at     BIGINT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX training_cases_created ON training_cases (created_at, id);
CREATE INDEX training_cases_category ON training_cases (category, created_at, id);

CREATE TABLE training_stages (
    training_case_id BIGINT NOT NULL REFERENCES training_cases (id) ON DELETE CASCADE,
    stage            TEXT NOT NULL CHECK (stage IN ('listen', 'facts', 'impact', 'steps')),
    citizen_text     TEXT NOT NULL DEFAULT '',
    emotion          TEXT NOT NULL DEFAULT '',
    model_answer     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (training_case_id, stage)
);

CREATE TABLE training_events (
    id               {{ID}},
    training_case_id BIGINT NOT NULL REFERENCES training_cases (id) ON DELETE CASCADE,
    at               BIGINT NOT NULL,
    kind             TEXT NOT NULL,
    note             TEXT NOT NULL DEFAULT ''
);
CREATE INDEX training_events_case ON training_events (training_case_id, at, id);
