-- Issue 30: every start looks for agreements stored without their read model (AgreementReadModel.backfill: search text,
-- document or search keys null), and finds none once they are filled; H2 answered it by reading every agreement (at
-- 100,000, 43,895 page reads against 3 through this index, EXPLAIN ANALYZE on H2 2.4.240). H2 has no partial index:
-- a generated column says whether a row lacks its read model, and an index on it finds those rows (none, once filled).
ALTER TABLE agreement ADD COLUMN read_model_missing BOOLEAN
    GENERATED ALWAYS AS (search_text IS NULL OR document IS NULL OR search_keys IS NULL);
CREATE INDEX agreement_read_model_missing_idx ON agreement (read_model_missing);
