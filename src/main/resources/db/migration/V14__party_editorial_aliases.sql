-- Acronyms and short names in common use that the sources do not give (KAI, HHI), added by the registry's editors and
-- kept apart from the aliases the sources use, so that a record never shows an editor's word as a source's.
CREATE TABLE party_editorial_alias (
    party_id  UUID         NOT NULL REFERENCES party (id),
    position  INTEGER      NOT NULL,
    alias     VARCHAR(200) NOT NULL,
    PRIMARY KEY (party_id, position)
);
