-- Qingting schema: the daily aggregates of the figures (issue 13), so that `stats` over a year reads a few thousand
-- rows instead of every case and queue visit. docs/ARCHITECTURE.md ("Daily aggregates") has the whole design:
--
-- * Triggers only MARK what changed: the hour (seconds / 3600) of a case's received_at or a visit's issued_at goes
--   into metrics_dirty, and so do the hours of the same citizen's cases closed in the 30 days before a case that is
--   added, moved or removed (their recurrence may change). They compute nothing, so no write path can get a figure
--   wrong.
-- * Every commit (SqlUnitOfWork) rebuilds the local days that hold the marked hours (one day an hour, two where the
--   zone's offset is not whole hours) from the base rows, with the same SQL as a full rebuild
--   (database/SqlMetricsDaily.cpp), in the same transaction, and clears the marks.
-- * Rows are keyed by the local day (YYYY-MM-DD), computed in C++ like every other local date of the app.
--
-- This migration marks every hour that holds data, so the first commit after the upgrade (or `init`) builds them.

CREATE TABLE metrics_dirty (
    utc_hour BIGINT PRIMARY KEY -- seconds since the epoch / 3600
);

-- One row a local day with cases or queue visits: counts and integer sums (seconds) of every additive figure.
CREATE TABLE metrics_daily (
    day                 TEXT PRIMARY KEY,
    cases               BIGINT NOT NULL,
    first_response_n    BIGINT NOT NULL, -- acknowledged cases
    first_response_sum  BIGINT NOT NULL, -- Σ acknowledged − received, seconds
    resolution_n        BIGINT NOT NULL,
    resolution_sum      BIGINT NOT NULL, -- Σ resolved − received, seconds
    answered_n          BIGINT NOT NULL, -- t (the earlier of answered and resolved) exists
    answered_48h        BIGINT NOT NULL, -- … and t − received ≤ 48 h
    rated               BIGINT NOT NULL, -- rating 1–5, not excluded by an appeal
    satisfied           BIGINT NOT NULL, -- … 4 or 5
    nps_n               BIGINT NOT NULL,
    promoters           BIGINT NOT NULL,
    detractors          BIGINT NOT NULL,
    closed_citizen      BIGINT NOT NULL, -- closed cases with a citizen
    recurred            BIGINT NOT NULL, -- … with another case of the citizen received ≤ 30 days after the close
    transfers           BIGINT NOT NULL,
    visits_called       BIGINT NOT NULL,
    waiting_sum         BIGINT NOT NULL  -- Σ called − issued, seconds
);

-- Cases per category and day (category_name as stored on the case; '' = none).
CREATE TABLE metrics_daily_category (
    day      TEXT NOT NULL,
    category TEXT NOT NULL,
    cases    BIGINT NOT NULL,
    PRIMARY KEY (day, category)
);

-- How many values of a duration fall in each bucket, per day: metric 1 first response, 2 resolution, 3 waiting.
-- The buckets (SqlMetricsDaily::kBucketBounds) only find which values hold a median's or p90's rank; the values
-- themselves are then read exactly through the expression indexes below, so no figure is approximated.
CREATE TABLE metrics_daily_hist (
    metric SMALLINT NOT NULL,
    day    TEXT NOT NULL,
    bucket INTEGER NOT NULL,
    n      BIGINT NOT NULL,
    PRIMARY KEY (metric, day, bucket)
);

-- The exact values of one bucket in one period, in order: one range of each index.
CREATE INDEX cases_first_response ON cases ((acknowledged_at - received_at), received_at);
CREATE INDEX cases_resolution ON cases ((resolved_at - received_at), received_at);
CREATE INDEX queue_visits_waiting ON queue_visits ((called_at - issued_at), issued_at);
-- The recurrence (the triggers' marks and a day's rebuild) finds a citizen's cases through cases_citizen_received:
-- a citizen has a handful.

--@ sqlite
CREATE TRIGGER metrics_cases_insert AFTER INSERT ON cases BEGIN INSERT OR IGNORE INTO metrics_dirty (utc_hour) VALUES (NEW.received_at / 3600); INSERT OR IGNORE INTO metrics_dirty (utc_hour) SELECT p.received_at / 3600 FROM cases p WHERE NEW.citizen_id IS NOT NULL AND p.citizen_id = NEW.citizen_id AND p.closed_at >= NEW.received_at - 2592000 AND p.closed_at < NEW.received_at; END;
CREATE TRIGGER metrics_cases_update AFTER UPDATE OF received_at, acknowledged_at, answered_at, resolved_at, closed_at, rating, rating_excluded, nps, category_name, citizen_id, transfer_count ON cases BEGIN INSERT OR IGNORE INTO metrics_dirty (utc_hour) VALUES (OLD.received_at / 3600); INSERT OR IGNORE INTO metrics_dirty (utc_hour) VALUES (NEW.received_at / 3600); INSERT OR IGNORE INTO metrics_dirty (utc_hour) SELECT p.received_at / 3600 FROM cases p WHERE (OLD.received_at IS NOT NEW.received_at OR OLD.citizen_id IS NOT NEW.citizen_id) AND ((p.citizen_id = OLD.citizen_id AND p.closed_at >= OLD.received_at - 2592000 AND p.closed_at < OLD.received_at) OR (p.citizen_id = NEW.citizen_id AND p.closed_at >= NEW.received_at - 2592000 AND p.closed_at < NEW.received_at)); END;
CREATE TRIGGER metrics_cases_delete AFTER DELETE ON cases BEGIN INSERT OR IGNORE INTO metrics_dirty (utc_hour) VALUES (OLD.received_at / 3600); INSERT OR IGNORE INTO metrics_dirty (utc_hour) SELECT p.received_at / 3600 FROM cases p WHERE OLD.citizen_id IS NOT NULL AND p.citizen_id = OLD.citizen_id AND p.closed_at >= OLD.received_at - 2592000 AND p.closed_at < OLD.received_at; END;
CREATE TRIGGER metrics_visits_insert AFTER INSERT ON queue_visits BEGIN INSERT OR IGNORE INTO metrics_dirty (utc_hour) VALUES (NEW.issued_at / 3600); END;
CREATE TRIGGER metrics_visits_update AFTER UPDATE OF issued_at, called_at ON queue_visits BEGIN INSERT OR IGNORE INTO metrics_dirty (utc_hour) VALUES (OLD.issued_at / 3600); INSERT OR IGNORE INTO metrics_dirty (utc_hour) VALUES (NEW.issued_at / 3600); END;
CREATE TRIGGER metrics_visits_delete AFTER DELETE ON queue_visits BEGIN INSERT OR IGNORE INTO metrics_dirty (utc_hour) VALUES (OLD.issued_at / 3600); END;

--@ postgres
CREATE FUNCTION metrics_mark(at BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO metrics_dirty (utc_hour) VALUES (at / 3600) ON CONFLICT DO NOTHING;
END
$$;
CREATE FUNCTION metrics_mark_recurrence(citizen BIGINT, received BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF citizen IS NOT NULL THEN
        INSERT INTO metrics_dirty (utc_hour)
            SELECT DISTINCT p.received_at / 3600 FROM cases p
            WHERE p.citizen_id = citizen AND p.closed_at >= received - 2592000 AND p.closed_at < received
            ON CONFLICT DO NOTHING;
    END IF;
END
$$;
CREATE FUNCTION metrics_cases_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM metrics_mark(NEW.received_at);
        PERFORM metrics_mark_recurrence(NEW.citizen_id, NEW.received_at);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM metrics_mark(OLD.received_at);
        PERFORM metrics_mark_recurrence(OLD.citizen_id, OLD.received_at);
    ELSE
        PERFORM metrics_mark(OLD.received_at);
        PERFORM metrics_mark(NEW.received_at);
        IF OLD.received_at IS DISTINCT FROM NEW.received_at OR OLD.citizen_id IS DISTINCT FROM NEW.citizen_id THEN
            PERFORM metrics_mark_recurrence(OLD.citizen_id, OLD.received_at);
            PERFORM metrics_mark_recurrence(NEW.citizen_id, NEW.received_at);
        END IF;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER metrics_cases_insert_delete AFTER INSERT OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION metrics_cases_mark();
CREATE TRIGGER metrics_cases_update AFTER UPDATE OF received_at, acknowledged_at, answered_at, resolved_at, closed_at, rating, rating_excluded, nps, category_name, citizen_id, transfer_count ON cases FOR EACH ROW EXECUTE FUNCTION metrics_cases_mark();
CREATE FUNCTION metrics_visits_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM metrics_mark(OLD.issued_at);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM metrics_mark(NEW.issued_at);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER metrics_visits_insert_delete AFTER INSERT OR DELETE ON queue_visits FOR EACH ROW EXECUTE FUNCTION metrics_visits_mark();
CREATE TRIGGER metrics_visits_update AFTER UPDATE OF issued_at, called_at ON queue_visits FOR EACH ROW EXECUTE FUNCTION metrics_visits_mark();

--@ all
INSERT INTO metrics_dirty (utc_hour) SELECT DISTINCT received_at / 3600 FROM cases;
INSERT INTO metrics_dirty (utc_hour) SELECT DISTINCT q.issued_at / 3600 FROM queue_visits q WHERE NOT EXISTS (SELECT 1 FROM metrics_dirty d WHERE d.utc_hour = q.issued_at / 3600);
