-- Issue 30: every start looks for agreements stored without their read model (AgreementReadModel.backfill: search text,
-- document or search keys null), and finds none once they are filled; without an index that look read the whole
-- table (about 100 ms and 40,000 buffers at 200,000 agreements here, bench/startscan.sh). This partial index holds
-- only such rows, so it is empty in a filled registry and the start's query reads it instead of the table.
CREATE INDEX agreement_read_model_missing_idx ON agreement (id)
    WHERE search_text IS NULL OR document IS NULL OR search_keys IS NULL;
