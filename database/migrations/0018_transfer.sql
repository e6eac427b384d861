-- Qingting schema: transfers that cannot be passed around (转办: sign-for 签收 / return 退回) and extensions
-- (延期), issue 12, helper "transfer". See TransferService and ExtensionService.
--
-- * cases.transfer_state: the latest transfer's state, NULL = never transferred through TransferService. The
--   case list's view "awaiting sign-for" is `transfer_state = 'awaiting_sign'`: one range of the partial index
--   cases_transfer_state (only transferred cases are in it), in received order.
-- * cases.extended_due_at: the approved extension's date (epoch seconds); the SLA engine's resolve clock follows it.
-- * cases_transferred: the supervisors' list of cases transferred more than the policy's threshold times, most
--   transferred first; only cases transferred at least once are in it.
-- * case_transfers: one row per transfer, with its sign-for or return; per department (returns counted, time to
--   sign) through case_transfers_department. case_extensions: one row per request, with its decision; the
--   requests awaiting a decision through the partial index case_extensions_pending.
ALTER TABLE cases ADD COLUMN transfer_state TEXT;
ALTER TABLE cases ADD COLUMN extended_due_at BIGINT;

--@ sqlite
CREATE TRIGGER cases_transfer_state_insert BEFORE INSERT ON cases WHEN NEW.transfer_state NOT IN ('awaiting_sign', 'signed', 'returned') BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: transfer state'); END;
CREATE TRIGGER cases_transfer_state_update BEFORE UPDATE OF transfer_state ON cases WHEN NEW.transfer_state NOT IN ('awaiting_sign', 'signed', 'returned') BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: transfer state'); END;

--@ postgres
ALTER TABLE cases ADD CONSTRAINT cases_transfer_state_code CHECK (transfer_state IN ('awaiting_sign', 'signed', 'returned')) NOT VALID;

--@ all
CREATE INDEX cases_transfer_state ON cases (transfer_state, received_at, id) WHERE transfer_state IS NOT NULL;
CREATE INDEX cases_transferred ON cases (transfer_count, received_at, id) WHERE transfer_count > 0;

CREATE TABLE case_transfers (
    id                 {{ID}},
    case_id            BIGINT NOT NULL REFERENCES cases (id),
    from_department_id BIGINT REFERENCES departments (id),
    to_department_id   BIGINT NOT NULL REFERENCES departments (id),
    reason             TEXT NOT NULL CHECK (reason <> ''),
    transferred_at     BIGINT NOT NULL,
    transferred_by_id  BIGINT REFERENCES users (id),
    transferred_by     TEXT NOT NULL,
    state              TEXT NOT NULL CHECK (state IN ('awaiting_sign', 'signed', 'returned')),
    decided_at         BIGINT,
    decided_by_id      BIGINT REFERENCES users (id),
    decided_by         TEXT NOT NULL DEFAULT '',
    decision_note      TEXT NOT NULL DEFAULT '',
    CHECK (state = 'awaiting_sign' OR decided_at IS NOT NULL),
    CHECK (state <> 'returned' OR decision_note <> '')
);
CREATE INDEX case_transfers_case ON case_transfers (case_id, id);
CREATE INDEX case_transfers_department ON case_transfers (to_department_id, state);

CREATE TABLE case_extensions (
    id                {{ID}},
    case_id           BIGINT NOT NULL REFERENCES cases (id),
    requested_at      BIGINT NOT NULL,
    requested_by_id   BIGINT REFERENCES users (id),
    requested_by      TEXT NOT NULL,
    reason            TEXT NOT NULL CHECK (reason <> ''),
    previous_due_at   BIGINT NOT NULL,
    requested_due_at  BIGINT NOT NULL CHECK (requested_due_at > previous_due_at),
    state             TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'refused')),
    decided_at        BIGINT,
    decided_by_id     BIGINT REFERENCES users (id),
    decided_by        TEXT NOT NULL DEFAULT '',
    decision_note     TEXT NOT NULL DEFAULT '',
    CHECK (state = 'pending' OR decided_at IS NOT NULL),
    CHECK (state <> 'refused' OR decision_note <> '')
);
CREATE INDEX case_extensions_case ON case_extensions (case_id, id);
CREATE INDEX case_extensions_pending ON case_extensions (requested_at, id) WHERE state = 'pending';
