-- Issue 15, an agreement's whole life. Every existing record is kept as it is: the new columns start empty, and the
-- parent an agreement names stays where it is, read as its IMPLEMENTS relation.

-- Occasions: the summits, visits, exhibitions and ceremonies where agreements are announced or signed.
CREATE TABLE occasion (
    id               UUID          NOT NULL PRIMARY KEY,
    version          BIGINT        NOT NULL,
    name             VARCHAR(300)  NOT NULL,
    kind             VARCHAR(32)   NOT NULL,
    country          VARCHAR(2)    NOT NULL,
    city             VARCHAR(100),
    starts_first     DATE,
    starts_last      DATE,
    starts_precision VARCHAR(5),
    ends_first       DATE,
    ends_last        DATE,
    ends_precision   VARCHAR(5),
    classification   VARCHAR(16)   NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE occasion_source (
    occasion_id   UUID          NOT NULL REFERENCES occasion (id),
    position      INTEGER       NOT NULL,
    publisher     VARCHAR(200),
    title         VARCHAR(500),
    url           VARCHAR(2000) NOT NULL,
    published_on  DATE,
    PRIMARY KEY (occasion_id, position)
);

ALTER TABLE agreement ADD COLUMN occasion_id UUID REFERENCES occasion (id);
CREATE INDEX agreement_occasion_idx ON agreement (occasion_id);

-- Typed relations between agreements (the parent stays in agreement.parent_id as IMPLEMENTS).
CREATE TABLE agreement_relation (
    agreement_id  UUID          NOT NULL REFERENCES agreement (id),
    position      INTEGER       NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    target_id     UUID          NOT NULL REFERENCES agreement (id),
    note          VARCHAR(1000),
    source_url    VARCHAR(2000),
    PRIMARY KEY (agreement_id, position)
);
CREATE INDEX agreement_relation_target_idx ON agreement_relation (target_id);

-- Identifiers in other registers: one pair names one agreement.
CREATE TABLE agreement_identifier (
    agreement_id  UUID          NOT NULL REFERENCES agreement (id),
    scheme        VARCHAR(32)   NOT NULL,
    identifier    VARCHAR(200)  NOT NULL,
    PRIMARY KEY (agreement_id, scheme, identifier),
    CONSTRAINT agreement_identifier_unique UNIQUE (scheme, identifier)
);

-- Each party's own signature, consent (ratification, approval) and withdrawal.
ALTER TABLE agreement_party ADD COLUMN signed_first DATE;
ALTER TABLE agreement_party ADD COLUMN signed_last DATE;
ALTER TABLE agreement_party ADD COLUMN signed_precision VARCHAR(5);
ALTER TABLE agreement_party ADD COLUMN consented_first DATE;
ALTER TABLE agreement_party ADD COLUMN consented_last DATE;
ALTER TABLE agreement_party ADD COLUMN consented_precision VARCHAR(5);
ALTER TABLE agreement_party ADD COLUMN withdrawn_first DATE;
ALTER TABLE agreement_party ADD COLUMN withdrawn_last DATE;
ALTER TABLE agreement_party ADD COLUMN withdrawn_precision VARCHAR(5);

-- Milestones and obligations: deliveries, payments, reviews, notices, expiries an agreement promises.
CREATE TABLE milestone (
    id                UUID          NOT NULL PRIMARY KEY,
    version           BIGINT        NOT NULL,
    agreement_id      UUID          NOT NULL REFERENCES agreement (id),
    kind              VARCHAR(32)   NOT NULL,
    title             VARCHAR(300)  NOT NULL,
    due_first         DATE,
    due_last          DATE,
    due_precision     VARCHAR(5),
    met_on            DATE,
    status            VARCHAR(16)   NOT NULL,
    responsible_id    UUID REFERENCES party (id),
    quantity          INTEGER,
    note              VARCHAR(2000),
    classification    VARCHAR(16)   NOT NULL,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX milestone_due_idx ON milestone (due_first, id);
CREATE INDEX milestone_agreement_idx ON milestone (agreement_id);

CREATE TABLE milestone_source (
    milestone_id  UUID          NOT NULL REFERENCES milestone (id),
    position      INTEGER       NOT NULL,
    publisher     VARCHAR(200),
    title         VARCHAR(500),
    url           VARCHAR(2000) NOT NULL,
    published_on  DATE,
    PRIMARY KEY (milestone_id, position)
);
