-- On H2 an agreement's read model includes its rows in agreement_word (V20): one whose words were never written (every
-- agreement stored before V20, or loaded straight into the tables) is filled in on the next start, through the same
-- index as the rest of its read model.
DROP INDEX agreement_read_model_missing_idx;
ALTER TABLE agreement DROP COLUMN read_model_missing;
ALTER TABLE agreement ADD COLUMN read_model_missing BOOLEAN
    GENERATED ALWAYS AS (search_text IS NULL OR document IS NULL OR search_keys IS NULL OR NOT words_kept);
CREATE INDEX agreement_read_model_missing_idx ON agreement (read_model_missing);
