-- Qingting schema: public-opinion risk (舆情风险, issue 16). See app/core/risk and docs/ARCHITECTURE.md ("Risk
-- scoring", "Risk at intake", "Risk queue and crisis mode").
--
-- * cases.risk_score / risk_level / risk_signals: the latest score of the case's text and facts (0-100), its level
--   ('low', 'medium', 'high'; NULL = never scored, as for cases written before this migration) and the codes of the
--   signals that fired, comma-separated in CLI.md's spelling ('media,legal'; '' = none). Written with the case by
--   the service that scored it; each new score is also a 'risk_scored' event on the timeline (the history).
-- * The supervisor's risk queue reads medium and high cases newest first: one range of the partial index
--   cases_risk_queue, which holds only those cases (a few in a hundred).
-- * risk_rules: the rules an admin edits (the JSON of app/core/risk/data/risk_rules.json, validated by
--   RiskRules::fromJson before it is saved). One row per saved version; the newest is in force; none = the built-in
--   rules. Kept, not overwritten: a score can be explained by the rules of its time.
-- * risk_alerts: a case that became high raises one alert; it stays open (taken_at NULL) until a supervisor takes
--   it, on whichever desk. Open alerts are one range of the partial index risk_alerts_open.
ALTER TABLE cases ADD COLUMN risk_score INTEGER CHECK (risk_score BETWEEN 0 AND 100);
ALTER TABLE cases ADD COLUMN risk_level TEXT CHECK (risk_level IN ('low', 'medium', 'high'));
ALTER TABLE cases ADD COLUMN risk_signals TEXT NOT NULL DEFAULT '';
CREATE INDEX cases_risk_queue ON cases (received_at, id) WHERE risk_level IN ('medium', 'high');

CREATE TABLE risk_rules (
    id            {{ID}},
    rules_json    TEXT NOT NULL,
    saved_at      BIGINT NOT NULL,
    saved_by_id   BIGINT REFERENCES users (id),
    note          TEXT NOT NULL DEFAULT ''
);

CREATE TABLE risk_alerts (
    id          {{ID}},
    case_id     BIGINT NOT NULL REFERENCES cases (id),
    raised_at   BIGINT NOT NULL,
    score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    signals     TEXT NOT NULL DEFAULT '',
    taken_at    BIGINT,
    taken_by_id BIGINT REFERENCES users (id)
);
CREATE INDEX risk_alerts_open ON risk_alerts (id) WHERE taken_at IS NULL;
CREATE INDEX risk_alerts_case ON risk_alerts (case_id, id);
