-- Qingting schema: the trainees' drill results, issue 15, helper "drill15". See DrillService and
-- docs/ARCHITECTURE.md ("Drills").
--
-- * drill_results: one finished drill: the training case drilled (training_case_id has no foreign key: a trainer may
--   delete the case, the trainee's result stays, with the case's title as it was), the trainee, when it started and
--   finished, the per-stage timer (0 = untimed) and the total points and maximum (the sums of drill_scores, kept on
--   the row so that lists and charts read one row per drill).
-- * drill_answers: the trainee's answer to each stage and how many seconds it took.
-- * drill_scores: each stage's criteria: points, maximum and the reason shown to the trainee.
-- * A trainee's results over time are one range of drill_results_trainee (trainee_id, finished_at, id); the team's
--   results and the criteria most often missed in a period are one range of drill_results_finished (finished_at, id)
--   joined to drill_scores by its primary key (result_id, stage, criterion).
CREATE TABLE drill_results (
    id                 {{ID}},
    training_case_id   BIGINT NOT NULL,
    training_title     TEXT NOT NULL DEFAULT '',
    trainee_id         BIGINT NOT NULL REFERENCES users (id),
    started_at         BIGINT NOT NULL,
    finished_at        BIGINT NOT NULL,
    time_limit_seconds INTEGER NOT NULL DEFAULT 0 CHECK (time_limit_seconds >= 0),
    points             INTEGER NOT NULL CHECK (points >= 0),
    max_points         INTEGER NOT NULL CHECK (max_points >= points)
);
CREATE INDEX drill_results_trainee ON drill_results (trainee_id, finished_at, id);
CREATE INDEX drill_results_finished ON drill_results (finished_at, id);

CREATE TABLE drill_answers (
    result_id BIGINT NOT NULL REFERENCES drill_results (id),
    stage     TEXT NOT NULL CHECK (stage IN ('listen', 'facts', 'impact', 'steps')),
    text      TEXT NOT NULL DEFAULT '',
    seconds   INTEGER NOT NULL DEFAULT 0 CHECK (seconds >= 0),
    PRIMARY KEY (result_id, stage)
);

CREATE TABLE drill_scores (
    result_id  BIGINT NOT NULL REFERENCES drill_results (id),
    stage      TEXT NOT NULL CHECK (stage IN ('listen', 'facts', 'impact', 'steps')),
    criterion  TEXT NOT NULL
        CHECK (criterion IN ('empathy', 'restatement', 'impact', 'steps_time', 'wording', 'length')),
    points     INTEGER NOT NULL CHECK (points >= 0),
    max_points INTEGER NOT NULL CHECK (max_points >= points),
    reason     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (result_id, stage, criterion)
);
