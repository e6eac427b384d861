-- Qingting schema: retention of citizens' personal data (issue 17, docs/ARCHITECTURE.md "Retention").
--
-- * citizens.purged_at: when the retention purge erased the citizen's name, phone, ID number and address (NULL:
--   not purged). The row and its id stay, so that the figures that count a citizen once (repeat complaints) do not
--   change, while the row names no one. The free text of the citizen's cases is anonymized in the same transaction
--   (RetentionService).
ALTER TABLE citizens ADD COLUMN purged_at BIGINT;
