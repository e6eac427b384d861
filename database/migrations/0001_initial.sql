-- Qingting schema, version 1: users, reference data, citizens, cases and their timelines, follow-ups,
-- the holiday calendar and the hash-chained audit log.
--
-- Portable SQL for SQLite and PostgreSQL. Dialect seams (database/Dialect.cpp):
--   {{ID}}     an auto-generated 64-bit primary key
--   --@ sqlite / --@ postgres / --@ all   the statements that follow apply to that dialect only / to both
-- Times are BIGINT seconds since the epoch (UTC); booleans are INTEGER 0/1. A statement ends with a line
-- that ends in ';' (outside $$ ... $$).

CREATE TABLE qingting_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO qingting_meta (key, value) VALUES ('application', 'qingting');

CREATE TABLE users (
    id            {{ID}},
    login         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'trainer', 'admin')),
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    BIGINT NOT NULL,
    last_login_at BIGINT
);

CREATE TABLE windows (
    id         {{ID}},
    name       TEXT NOT NULL UNIQUE,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE departments (
    id         {{ID}},
    name       TEXT NOT NULL UNIQUE,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE service_items (
    id         {{ID}},
    name       TEXT NOT NULL UNIQUE,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE categories (
    id         {{ID}},
    parent_id  BIGINT REFERENCES categories (id),
    name       TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX categories_parent ON categories (parent_id);

-- Personal data, apart from the case text: shown only to roles that may read it.
CREATE TABLE citizens (
    id         {{ID}},
    name       TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    id_number  TEXT NOT NULL DEFAULT '',
    address    TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX citizens_phone ON citizens (phone);
CREATE INDEX citizens_id_number ON citizens (id_number);

-- One row a day; incremented inside the transaction that inserts the case, so numbers never collide.
CREATE TABLE case_counters (
    day     TEXT PRIMARY KEY,
    last_no INTEGER NOT NULL
);

CREATE TABLE cases (
    id               {{ID}},
    case_no          TEXT NOT NULL UNIQUE,
    status           TEXT NOT NULL CHECK (status IN ('received', 'acknowledged', 'in_progress', 'resolved', 'followed_up', 'closed')),
    channel          TEXT NOT NULL CHECK (channel IN ('window', 'phone', 'online', 'hotline_12345', 'social_media', 'letter', 'staff_report')),
    window_id        BIGINT REFERENCES windows (id),
    service_item_id  BIGINT REFERENCES service_items (id),
    category_id      BIGINT REFERENCES categories (id),
    department_id    BIGINT REFERENCES departments (id),
    assignee_id      BIGINT REFERENCES users (id),
    created_by_id    BIGINT REFERENCES users (id),
    created_by       TEXT NOT NULL,
    citizen_id       BIGINT REFERENCES citizens (id),
    waited_minutes   INTEGER CHECK (waited_minutes >= 0),
    complaint_text   TEXT NOT NULL,
    facts            TEXT NOT NULL DEFAULT '',
    impact           TEXT NOT NULL DEFAULT '',
    steps            TEXT NOT NULL DEFAULT '',
    received_at      BIGINT NOT NULL,
    acknowledged_at  BIGINT,
    answered_at      BIGINT,
    promised_at      BIGINT,
    due_at           BIGINT,
    resolved_at      BIGINT,
    followed_up_at   BIGINT,
    closed_at        BIGINT,
    updated_at       BIGINT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 0,
    transfer_count   INTEGER NOT NULL DEFAULT 0 CHECK (transfer_count >= 0),
    escalation_level INTEGER NOT NULL DEFAULT 0 CHECK (escalation_level >= 0),
    rating           INTEGER CHECK (rating BETWEEN 1 AND 5),
    nps              INTEGER CHECK (nps BETWEEN 0 AND 10)
);
CREATE INDEX cases_received ON cases (received_at, id);
CREATE INDEX cases_status_received ON cases (status, received_at, id);
CREATE INDEX cases_citizen ON cases (citizen_id);
CREATE INDEX cases_category ON cases (category_id);
CREATE INDEX cases_assignee ON cases (assignee_id);

-- The timeline: every change to a case, written in the transaction of the change.
CREATE TABLE case_events (
    id          {{ID}},
    case_id     BIGINT NOT NULL REFERENCES cases (id),
    at          BIGINT NOT NULL,
    kind        TEXT NOT NULL,
    actor_id    BIGINT REFERENCES users (id),
    actor       TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE TABLE follow_ups (
    id       {{ID}},
    case_id  BIGINT NOT NULL REFERENCES cases (id),
    at       BIGINT NOT NULL,
    method   TEXT NOT NULL CHECK (method IN ('phone', 'sms', 'visit')),
    rating   INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    nps      INTEGER CHECK (nps BETWEEN 0 AND 10),
    note     TEXT NOT NULL DEFAULT '',
    actor_id BIGINT REFERENCES users (id),
    actor    TEXT NOT NULL
);
CREATE INDEX follow_ups_case ON follow_ups (case_id, id);

-- Official arrangements: 'holiday' = a day off, 'workday' = a weekend day that works (调休).
CREATE TABLE holiday_calendar (
    day  TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name TEXT NOT NULL DEFAULT ''
);

-- Append-only and hash-chained: hash = SHA-256(prev_hash and every field), see AuditChain.
CREATE TABLE audit_log (
    seq       BIGINT PRIMARY KEY,
    at        BIGINT NOT NULL,
    actor_id  BIGINT,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL DEFAULT '',
    entity_id BIGINT,
    detail    TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- The head of the chain; updating its one row serialises writers on both databases.
CREATE TABLE audit_head (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq  BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

--@ sqlite
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

--@ postgres
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

--@ all
-- Seed reference data: sensible defaults for a service hall, which admins rename or retire.
INSERT INTO categories (name, sort_order) VALUES ('服务态度', 10);
INSERT INTO categories (name, sort_order) VALUES ('办事效率/等候时间', 20);
INSERT INTO categories (name, sort_order) VALUES ('流程繁琐', 30);
INSERT INTO categories (name, sort_order) VALUES ('政策解释', 40);
INSERT INTO categories (name, sort_order) VALUES ('系统故障', 50);
INSERT INTO categories (name, sort_order) VALUES ('环境设施', 60);
INSERT INTO categories (name, sort_order) VALUES ('收费', 70);
INSERT INTO categories (name, sort_order) VALUES ('其他', 80);

INSERT INTO windows (name, sort_order) VALUES ('1号窗口', 10);
INSERT INTO windows (name, sort_order) VALUES ('2号窗口', 20);
INSERT INTO windows (name, sort_order) VALUES ('3号窗口', 30);
INSERT INTO windows (name, sort_order) VALUES ('4号窗口', 40);
INSERT INTO windows (name, sort_order) VALUES ('5号窗口', 50);
INSERT INTO windows (name, sort_order) VALUES ('投诉与建议窗口', 90);

INSERT INTO departments (name, sort_order) VALUES ('政务服务中心办公室', 10);
INSERT INTO departments (name, sort_order) VALUES ('综合受理科', 20);
INSERT INTO departments (name, sort_order) VALUES ('督查考核科', 30);
INSERT INTO departments (name, sort_order) VALUES ('信息技术科', 40);
INSERT INTO departments (name, sort_order) VALUES ('后勤保障科', 50);

INSERT INTO service_items (name, sort_order) VALUES ('企业开办', 10);
INSERT INTO service_items (name, sort_order) VALUES ('社保业务', 20);
INSERT INTO service_items (name, sort_order) VALUES ('医保业务', 30);
INSERT INTO service_items (name, sort_order) VALUES ('不动产登记', 40);
INSERT INTO service_items (name, sort_order) VALUES ('公积金业务', 50);
INSERT INTO service_items (name, sort_order) VALUES ('户籍业务', 60);
INSERT INTO service_items (name, sort_order) VALUES ('出入境业务', 70);
INSERT INTO service_items (name, sort_order) VALUES ('税务业务', 80);
INSERT INTO service_items (name, sort_order) VALUES ('其他事项', 90);
