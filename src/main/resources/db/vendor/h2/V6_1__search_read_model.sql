-- Issue 14, the search read model on H2: search_keys holds what the filters on collections match (see the PostgreSQL
-- migration of the same number). H2 has no full-text vectors: text search matches the words with LIKE, and the
-- search_vector columns exist, always empty, only because the agreement maps them for PostgreSQL.
-- search_keys starts empty: the service fills it on start, with the rest of the read model (AgreementReadModel).
ALTER TABLE agreement ADD COLUMN search_keys VARCHAR(200) ARRAY;
ALTER TABLE agreement ADD COLUMN search_vector VARCHAR(1);
ALTER TABLE agreement ADD COLUMN search_vector_restricted VARCHAR(1);
ALTER TABLE agreement ADD COLUMN search_vector_public VARCHAR(1);
