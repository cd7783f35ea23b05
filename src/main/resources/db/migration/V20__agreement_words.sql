-- Issue 30: a rare word took 3.5 s on H2 at 100,000 agreements, which read the words of every agreement for each search
-- (LIKE '% word%' has no index). On H2 the read model keeps each agreement's folded words here, once each, with the
-- lowest clearance whose text holds the word; a search for a word few agreements hold finds them through the primary
-- key's word order (PortableSearch). PostgreSQL searches its text-search vectors and leaves this table empty.
CREATE TABLE agreement_word (
    word         VARCHAR(100) NOT NULL,
    agreement_id UUID         NOT NULL REFERENCES agreement (id),
    visible_from SMALLINT     NOT NULL,
    PRIMARY KEY (word, agreement_id)
);
CREATE INDEX agreement_word_agreement_idx ON agreement_word (agreement_id);

-- Whether the read model has written the agreement's words into agreement_word (always false on PostgreSQL).
ALTER TABLE agreement ADD COLUMN words_kept BOOLEAN DEFAULT FALSE NOT NULL;
