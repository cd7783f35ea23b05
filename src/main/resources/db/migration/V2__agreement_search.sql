-- Search: a folded copy of each agreement's words (lower case, accents and punctuation removed, the
-- parties' names, acronyms and aliases included) that the text filter matches word prefixes in, and
-- the indexes behind the filters, the default order and the sync walk. Same script on H2 and PostgreSQL;
-- PostgreSQL-only indexes are under db/vendor/postgresql. The application fills search_text for rows
-- written before this migration when it starts.

ALTER TABLE agreement ADD COLUMN search_text VARCHAR(100000);

CREATE INDEX agreement_default_order_idx ON agreement (signed_first DESC NULLS LAST, title, id);
CREATE INDEX agreement_updated_idx ON agreement (updated_at, id);
CREATE INDEX agreement_type_idx ON agreement (type);
CREATE INDEX agreement_status_idx ON agreement (status);
CREATE INDEX agreement_sector_sector_idx ON agreement_sector (sector, agreement_id);
CREATE INDEX agreement_mode_mode_idx ON agreement_mode (mode, agreement_id);
CREATE INDEX agreement_party_party_agreement_idx ON agreement_party (party_id, agreement_id);
DROP INDEX agreement_party_party_idx;
CREATE INDEX agreement_system_name_idx ON agreement_system (name);
CREATE INDEX party_acronym_idx ON party (acronym);
