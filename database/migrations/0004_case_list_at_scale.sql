-- Qingting schema, version 4: the case list and search at a million cases.
--
-- * Sort keys stored as columns (never computed per row), each with an index that ends in id, so that the list's
--   keyset paging `(key, id) < (?, ?)` is an index range on both databases. SqlCaseRepository writes them with
--   every insert and update; renaming a category or window rewrites category_name / window_name.
-- * open_due_at: the due time while the case is still owed to the citizen (NULL otherwise): the "overdue"
--   filter is one index range.
-- * case_status_counts: cases per status, kept by triggers, so the count under an unfiltered or status-filtered
--   list is exact without counting rows.
-- * The search index (see SearchGrams): every letter/digit run of a case's number, complaint, facts, impact and
--   steps as single characters and overlapping pairs. SQLite: a contentless FTS5 table keyed by case id;
--   PostgreSQL: a text[] with a GIN index. Existing cases are indexed by the application after this migration
--   (qingting_meta 'search_index' = 'rebuild').

ALTER TABLE cases ADD COLUMN status_rank INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN category_name TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN window_name TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN waited_key INTEGER NOT NULL DEFAULT -1;
ALTER TABLE cases ADD COLUMN open_due_at BIGINT;

UPDATE cases SET
    status_rank = CASE status WHEN 'received' THEN 0 WHEN 'acknowledged' THEN 1 WHEN 'in_progress' THEN 2
                              WHEN 'resolved' THEN 3 WHEN 'followed_up' THEN 4 ELSE 5 END,
    category_name = COALESCE((SELECT name FROM categories WHERE categories.id = cases.category_id), ''),
    window_name = COALESCE((SELECT name FROM windows WHERE windows.id = cases.window_id), ''),
    waited_key = COALESCE(waited_minutes, -1),
    open_due_at = CASE WHEN status IN ('received', 'acknowledged', 'in_progress') THEN due_at END;

CREATE INDEX cases_status_rank ON cases (status_rank, id);
CREATE INDEX cases_category_name ON cases (category_name, id);
CREATE INDEX cases_window_name ON cases (window_name, id);
CREATE INDEX cases_waited ON cases (waited_key, id);
CREATE INDEX cases_open_due ON cases (open_due_at, id);
CREATE INDEX cases_assignee_open_due ON cases (assignee_id, open_due_at);
DROP INDEX cases_assignee;
CREATE INDEX cases_assignee_received ON cases (assignee_id, received_at, id);

CREATE TABLE case_status_counts (
    status TEXT PRIMARY KEY,
    n      BIGINT NOT NULL
);
INSERT INTO case_status_counts (status, n) VALUES ('received', 0);
INSERT INTO case_status_counts (status, n) VALUES ('acknowledged', 0);
INSERT INTO case_status_counts (status, n) VALUES ('in_progress', 0);
INSERT INTO case_status_counts (status, n) VALUES ('resolved', 0);
INSERT INTO case_status_counts (status, n) VALUES ('followed_up', 0);
INSERT INTO case_status_counts (status, n) VALUES ('closed', 0);
UPDATE case_status_counts SET n = (SELECT COUNT(*) FROM cases WHERE cases.status = case_status_counts.status);

INSERT INTO qingting_meta (key, value) VALUES ('search_index', 'rebuild');

--@ sqlite
CREATE TRIGGER cases_count_insert AFTER INSERT ON cases BEGIN UPDATE case_status_counts SET n = n + 1 WHERE status = NEW.status; END;
CREATE TRIGGER cases_count_delete AFTER DELETE ON cases BEGIN UPDATE case_status_counts SET n = n - 1 WHERE status = OLD.status; END;
CREATE TRIGGER cases_count_status AFTER UPDATE OF status ON cases WHEN NEW.status <> OLD.status BEGIN UPDATE case_status_counts SET n = n - 1 WHERE status = OLD.status; UPDATE case_status_counts SET n = n + 1 WHERE status = NEW.status; END;
CREATE VIRTUAL TABLE case_search USING fts5(grams, content = '', detail = none, tokenize = 'unicode61 remove_diacritics 0');

--@ postgres
CREATE FUNCTION cases_count_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE case_status_counts SET n = n - 1 WHERE status = OLD.status;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        UPDATE case_status_counts SET n = n + 1 WHERE status = NEW.status;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER cases_count_insert_delete AFTER INSERT OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION cases_count_status();
CREATE TRIGGER cases_count_status AFTER UPDATE OF status ON cases FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status) EXECUTE FUNCTION cases_count_status();
CREATE TABLE case_search (
    case_id BIGINT PRIMARY KEY REFERENCES cases (id),
    grams   TEXT[] NOT NULL
);
CREATE INDEX case_search_grams ON case_search USING gin (grams);
