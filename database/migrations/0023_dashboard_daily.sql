-- The dashboard's data (issue 14): what a chart point, a breakdown and a systemic alert need, kept per local day like
-- the figures of 0019, so that the dashboard's cost follows the days shown and not the cases stored
-- (docs/ARCHITECTURE.md "Dashboard data").
--
-- * metrics_daily_group: one row per day and group of cases — a window, a service item, a department, a channel, a
--   rating level, a (category, service item) pair, a number of minutes waited — with the additive figures of the
--   breakdowns. They are built when the dashboard first needs a day, not by the write that changed it: a commit's
--   rebuild of a day (SqlMetricsDaily::rebuildDay) deletes the day's groups and lists the day in metrics_group_dirty,
--   and the dashboard builds the listed days of its range before reading (SqlMetricsDaily::buildGroups). Bulk
--   imports and the demo so pay nothing for them. `verify` recomputes every built day.
-- * The exact values of a median or p90 were read through indexes on (duration, received_at): a histogram bucket's
--   values over every day stored, filtered to the period. The new indexes lead with the bucket, then the time, then
--   the value, so a lookup reads the period's values of one bucket only: a day's median no longer walks a year.
--   The bucket expression is SqlMetricsDaily::bucketSql() word for word (a plan test proves the index is used).
-- * The cases' UPDATE trigger also marks the day when a case's window, item, department, channel, category or
--   waited minutes change, since the groups depend on them.
--
-- Every day with cases is listed, so the dashboard builds the groups of the days it shows, when it first shows them.

CREATE TABLE metrics_daily_group (
    dimension           SMALLINT NOT NULL, -- SqlMetricsDaily::Group: 1 window, 2 item, 3 department, 4 channel,
                                           -- 5 rating level, 6 category and item, 7 minutes waited
    day                 TEXT NOT NULL,
    key1                BIGINT NOT NULL,   -- the id (0 = none), the channel's number, the rating, the category, the minutes
    key2                BIGINT NOT NULL,   -- the service item of a (category, item) pair; else 0
    cases               BIGINT NOT NULL,
    first_response_n    BIGINT NOT NULL,
    first_response_sum  BIGINT NOT NULL,
    answered_n          BIGINT NOT NULL,
    answered_48h        BIGINT NOT NULL,
    rated               BIGINT NOT NULL,
    satisfied           BIGINT NOT NULL,
    transfers           BIGINT NOT NULL,
    PRIMARY KEY (dimension, day, key1, key2)
);

-- The local days whose groups are to be built (a day with cases and no groups yet).
CREATE TABLE metrics_group_dirty (
    day TEXT PRIMARY KEY
);

DROP INDEX cases_first_response;
DROP INDEX cases_resolution;
DROP INDEX queue_visits_waiting;
CREATE INDEX cases_first_response_bucket ON cases ((CASE WHEN (acknowledged_at - received_at) IS NULL THEN NULL WHEN acknowledged_at - received_at < 0 THEN -1 WHEN acknowledged_at - received_at < 7200 THEN (acknowledged_at - received_at) / 60 WHEN acknowledged_at - received_at < 86400 THEN 120 + (acknowledged_at - received_at - 7200) / 600 WHEN acknowledged_at - received_at < 604800 THEN 252 + (acknowledged_at - received_at - 86400) / 3600 WHEN acknowledged_at - received_at < 5184000 THEN 396 + (acknowledged_at - received_at - 604800) / 21600 WHEN acknowledged_at - received_at - 5184000 < 864000000 THEN 608 + (acknowledged_at - received_at - 5184000) / 86400 ELSE 10608 END), received_at, (acknowledged_at - received_at));
CREATE INDEX cases_resolution_bucket ON cases ((CASE WHEN (resolved_at - received_at) IS NULL THEN NULL WHEN resolved_at - received_at < 0 THEN -1 WHEN resolved_at - received_at < 7200 THEN (resolved_at - received_at) / 60 WHEN resolved_at - received_at < 86400 THEN 120 + (resolved_at - received_at - 7200) / 600 WHEN resolved_at - received_at < 604800 THEN 252 + (resolved_at - received_at - 86400) / 3600 WHEN resolved_at - received_at < 5184000 THEN 396 + (resolved_at - received_at - 604800) / 21600 WHEN resolved_at - received_at - 5184000 < 864000000 THEN 608 + (resolved_at - received_at - 5184000) / 86400 ELSE 10608 END), received_at, (resolved_at - received_at));
CREATE INDEX queue_visits_waiting_bucket ON queue_visits ((CASE WHEN (called_at - issued_at) IS NULL THEN NULL WHEN called_at - issued_at < 0 THEN -1 WHEN called_at - issued_at < 7200 THEN (called_at - issued_at) / 60 WHEN called_at - issued_at < 86400 THEN 120 + (called_at - issued_at - 7200) / 600 WHEN called_at - issued_at < 604800 THEN 252 + (called_at - issued_at - 86400) / 3600 WHEN called_at - issued_at < 5184000 THEN 396 + (called_at - issued_at - 604800) / 21600 WHEN called_at - issued_at - 5184000 < 864000000 THEN 608 + (called_at - issued_at - 5184000) / 86400 ELSE 10608 END), issued_at, (called_at - issued_at));

--@ sqlite
DROP TRIGGER metrics_cases_update;
CREATE TRIGGER metrics_cases_update AFTER UPDATE OF received_at, acknowledged_at, answered_at, resolved_at, closed_at, rating, rating_excluded, nps, category_name, citizen_id, transfer_count, window_id, service_item_id, department_id, channel, category_id, waited_minutes ON cases BEGIN INSERT OR IGNORE INTO metrics_dirty (utc_hour) VALUES (OLD.received_at / 3600); INSERT OR IGNORE INTO metrics_dirty (utc_hour) VALUES (NEW.received_at / 3600); INSERT OR IGNORE INTO metrics_dirty (utc_hour) SELECT p.received_at / 3600 FROM cases p WHERE (OLD.received_at IS NOT NEW.received_at OR OLD.citizen_id IS NOT NEW.citizen_id) AND ((p.citizen_id = OLD.citizen_id AND p.closed_at >= OLD.received_at - 2592000 AND p.closed_at < OLD.received_at) OR (p.citizen_id = NEW.citizen_id AND p.closed_at >= NEW.received_at - 2592000 AND p.closed_at < NEW.received_at)); END;

--@ postgres
DROP TRIGGER metrics_cases_update ON cases;
CREATE TRIGGER metrics_cases_update AFTER UPDATE OF received_at, acknowledged_at, answered_at, resolved_at, closed_at, rating, rating_excluded, nps, category_name, citizen_id, transfer_count, window_id, service_item_id, department_id, channel, category_id, waited_minutes ON cases FOR EACH ROW EXECUTE FUNCTION metrics_cases_mark();

--@ all
INSERT INTO metrics_group_dirty (day) SELECT day FROM metrics_daily WHERE cases > 0;
