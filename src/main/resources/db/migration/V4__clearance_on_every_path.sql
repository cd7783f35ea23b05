-- Issue 11: parties carry a classification like agreements; an agreement's search words are kept once per clearance,
-- so a caller's text search matches only the names of parties that caller may see (search_text: every party, as a
-- CONFIDENTIAL caller searches; search_text_restricted and search_text_public: only the parties up to that level);
-- a revision that lowered a record's classification records what it was before.
-- No CHECK constraints: the application writes only the enum's values.
ALTER TABLE party ADD COLUMN classification VARCHAR(16) DEFAULT 'PUBLIC' NOT NULL;
CREATE INDEX party_classification_idx ON party (classification);

ALTER TABLE agreement ADD COLUMN search_text_restricted VARCHAR(100000);
ALTER TABLE agreement ADD COLUMN search_text_public VARCHAR(100000);
-- Recomputed on start by the search-text backfill, now per clearance.
UPDATE agreement SET search_text = NULL;

ALTER TABLE revision ADD COLUMN declassified_from VARCHAR(16);
