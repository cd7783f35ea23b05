-- PostgreSQL only: the trigram indexes behind text search for callers below the highest clearance.
CREATE INDEX agreement_search_text_restricted_trgm_idx ON agreement USING gin (search_text_restricted gin_trgm_ops);
CREATE INDEX agreement_search_text_public_trgm_idx ON agreement USING gin (search_text_public gin_trgm_ops);
