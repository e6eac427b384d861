-- Qingting schema: the hall's queue system (取号/叫号), one row per ticket, as FORMATS.md's import-queue describes
-- it: `demo` fills it, a later issue imports the queue system's CSV into it; stats read waiting times from it.
-- issued_day is the local date of issued_at (YYYY-MM-DD): a ticket number is unique per day.
CREATE TABLE queue_visits (
    id              {{ID}},
    ticket          TEXT NOT NULL,
    issued_day      TEXT NOT NULL,
    service_item_id BIGINT REFERENCES service_items (id),
    window_id       BIGINT REFERENCES windows (id),
    issued_at       BIGINT NOT NULL,
    called_at       BIGINT,
    finished_at     BIGINT,
    CHECK (called_at IS NULL OR called_at >= issued_at),
    CHECK (finished_at IS NULL OR (called_at IS NOT NULL AND finished_at >= called_at)),
    UNIQUE (issued_day, ticket)
);
CREATE INDEX queue_visits_issued ON queue_visits (issued_at);
