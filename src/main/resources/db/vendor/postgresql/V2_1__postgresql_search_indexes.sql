-- PostgreSQL only: trigram index for the text filter (LIKE '% word%' on the folded text) and a
-- case-insensitive index for the system filter. pg_trgm is a trusted extension: the database owner may
-- create it. H2 answers the same queries, correctly, by scanning.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX agreement_search_text_trgm_idx ON agreement USING gin (search_text gin_trgm_ops);
CREATE INDEX agreement_system_upper_name_idx ON agreement_system (upper(name), agreement_id);
CREATE INDEX party_upper_acronym_idx ON party (upper(acronym));
