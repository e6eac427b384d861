-- Qingting schema: the improvement register (整改台账) with its root-cause analyses, issue 14, helper "register".
-- See ImprovementService and docs/ARCHITECTURE.md ("Improvement register").
--
-- * improvement_actions: one row per action: title, description, the owner department, the deadline (an ISO date
--   'YYYY-MM-DD', compared as text), the status code, the category and service item it is about (either may be
--   empty), where it came from (manual / a systemic alert of the dashboard / a case), created and updated times,
--   when it was done, and the version for optimistic locking (as cases). The 5-whys' root cause and countermeasure
--   and the fishbone's problem (its head) live on the row as well.
-- * The register's lists walk improvement_actions_status (status, deadline): the dashboard's overdue actions are the
--   two ranges status = 'open' / 'in_progress' with deadline < today; a status filter is one range, by deadline.
-- * improvement_cases: the cases an action is about. improvement_whys: the ordered whys and their answers.
--   improvement_causes: the fishbone's causes on the six branches 人 people, 机 machine, 料 material, 法 method,
--   环 environment, 测 measurement; a sub-cause points at its cause (one level).
-- * The effect check reads the cases of one category and service item in a range of received times (N weeks before
--   and after an action) as one range of cases_item_category_received (service_item_id, category_id, received_at,
--   id) of migration 0011: no new index on cases.
CREATE TABLE improvement_actions (
    id                  {{ID}},
    title               TEXT NOT NULL CHECK (title <> ''),
    description         TEXT NOT NULL DEFAULT '',
    owner_department_id BIGINT NOT NULL REFERENCES departments (id),
    deadline            TEXT NOT NULL CHECK (length(deadline) = 10),
    status              TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
    category_id         BIGINT REFERENCES categories (id),
    service_item_id     BIGINT REFERENCES service_items (id),
    source              TEXT NOT NULL CHECK (source IN ('manual', 'alert', 'case')),
    created_at          BIGINT NOT NULL,
    created_by_id       BIGINT REFERENCES users (id),
    created_by          TEXT NOT NULL,
    updated_at          BIGINT NOT NULL,
    done_at             BIGINT,
    version             INTEGER NOT NULL DEFAULT 1,
    root_cause          TEXT NOT NULL DEFAULT '',
    countermeasure      TEXT NOT NULL DEFAULT '',
    problem             TEXT NOT NULL DEFAULT '',
    CHECK (status <> 'done' OR done_at IS NOT NULL)
);
CREATE INDEX improvement_actions_status ON improvement_actions (status, deadline, id);
CREATE INDEX improvement_actions_category ON improvement_actions (category_id, deadline, id);

CREATE TABLE improvement_cases (
    action_id BIGINT NOT NULL REFERENCES improvement_actions (id),
    case_id   BIGINT NOT NULL REFERENCES cases (id),
    PRIMARY KEY (action_id, case_id)
);
CREATE INDEX improvement_cases_case ON improvement_cases (case_id);

CREATE TABLE improvement_whys (
    action_id BIGINT NOT NULL REFERENCES improvement_actions (id),
    position  INTEGER NOT NULL,
    question  TEXT NOT NULL CHECK (question <> ''),
    answer    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (action_id, position)
);

CREATE TABLE improvement_causes (
    id        {{ID}},
    action_id BIGINT NOT NULL REFERENCES improvement_actions (id),
    branch    TEXT NOT NULL CHECK (branch IN ('people', 'machine', 'material', 'method', 'environment', 'measurement')),
    parent_id BIGINT REFERENCES improvement_causes (id),
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL CHECK (text <> '')
);
CREATE INDEX improvement_causes_action ON improvement_causes (action_id, id);

