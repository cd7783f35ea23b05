-- Issue 14, the search read model on PostgreSQL, in the agreement's own row:
-- * search_keys: what the filters on collections match (sectors, modes, systems, and each party's id, acronym and
--   country tagged with the party's classification), one array that a GIN index serves for every such filter;
-- * search_vector*: the search words (one text per clearance, kept by AgreementReadModel) as tsvectors for full-text
--   search, computed by the database in the same statement that writes the words, GIN-indexed.
-- The trigram indexes on the words served LIKE, which PostgreSQL no longer uses for text search.
-- search_keys starts empty: the service fills it on start, with the rest of the read model (AgreementReadModel).
ALTER TABLE agreement
    ADD COLUMN search_keys varchar(200)[],
    ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', coalesce(search_text, ''))) STORED,
    ADD COLUMN search_vector_restricted tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', coalesce(search_text_restricted, ''))) STORED,
    ADD COLUMN search_vector_public tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', coalesce(search_text_public, ''))) STORED;
CREATE INDEX agreement_search_keys_idx ON agreement USING gin (search_keys);
CREATE INDEX agreement_search_vector_idx ON agreement USING gin (search_vector);
CREATE INDEX agreement_search_vector_restricted_idx ON agreement USING gin (search_vector_restricted);
CREATE INDEX agreement_search_vector_public_idx ON agreement USING gin (search_vector_public);
DROP INDEX agreement_search_text_trgm_idx;
DROP INDEX agreement_search_text_restricted_trgm_idx;
DROP INDEX agreement_search_text_public_trgm_idx;
