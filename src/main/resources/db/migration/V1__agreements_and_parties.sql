-- Accords schema. The same script runs on H2 (embedded default) and PostgreSQL (production),
-- so it keeps to SQL both understand.

CREATE TABLE party (
    id          UUID         NOT NULL PRIMARY KEY,
    version     BIGINT       NOT NULL,
    name        VARCHAR(200) NOT NULL,
    name_key    VARCHAR(200) NOT NULL,
    acronym     VARCHAR(32),
    country     VARCHAR(2)   NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT party_name_unique_in_country UNIQUE (country, name_key)
);

CREATE TABLE party_alias (
    party_id  UUID         NOT NULL REFERENCES party (id),
    position  INTEGER      NOT NULL,
    alias     VARCHAR(200) NOT NULL,
    PRIMARY KEY (party_id, position)
);

CREATE TABLE party_identifier (
    party_id    UUID         NOT NULL REFERENCES party (id),
    position    INTEGER      NOT NULL,
    scheme      VARCHAR(32)  NOT NULL,
    identifier  VARCHAR(100) NOT NULL,
    PRIMARY KEY (party_id, position)
);

CREATE TABLE agreement (
    id                   UUID          NOT NULL PRIMARY KEY,
    version              BIGINT        NOT NULL,
    title                VARCHAR(300)  NOT NULL,
    summary              VARCHAR(4000),
    type                 VARCHAR(32)   NOT NULL,
    status               VARCHAR(32)   NOT NULL,
    announced_first      DATE,
    announced_last       DATE,
    announced_precision  VARCHAR(5),
    signed_first         DATE,
    signed_last          DATE,
    signed_precision     VARCHAR(5),
    effective_first      DATE,
    effective_last       DATE,
    effective_precision  VARCHAR(5),
    expires_first        DATE,
    expires_last         DATE,
    expires_precision    VARCHAR(5),
    value_amount         NUMERIC(19, 2),
    value_currency       VARCHAR(3),
    parent_id            UUID REFERENCES agreement (id),
    created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX agreement_signed_idx ON agreement (signed_first, id);
CREATE INDEX agreement_parent_idx ON agreement (parent_id);

CREATE TABLE agreement_sector (
    agreement_id  UUID        NOT NULL REFERENCES agreement (id),
    sector        VARCHAR(32) NOT NULL,
    PRIMARY KEY (agreement_id, sector)
);

CREATE TABLE agreement_mode (
    agreement_id  UUID        NOT NULL REFERENCES agreement (id),
    mode          VARCHAR(32) NOT NULL,
    PRIMARY KEY (agreement_id, mode)
);

CREATE TABLE agreement_party (
    agreement_id  UUID        NOT NULL REFERENCES agreement (id),
    position      INTEGER     NOT NULL,
    party_id      UUID        NOT NULL REFERENCES party (id),
    role          VARCHAR(32) NOT NULL,
    PRIMARY KEY (agreement_id, position)
);

CREATE INDEX agreement_party_party_idx ON agreement_party (party_id);

CREATE TABLE agreement_system (
    agreement_id  UUID         NOT NULL REFERENCES agreement (id),
    position      INTEGER      NOT NULL,
    name          VARCHAR(100) NOT NULL,
    PRIMARY KEY (agreement_id, position)
);

CREATE TABLE agreement_source (
    agreement_id  UUID          NOT NULL REFERENCES agreement (id),
    position      INTEGER       NOT NULL,
    publisher     VARCHAR(200),
    title         VARCHAR(500),
    url           VARCHAR(2000) NOT NULL,
    published_on  DATE,
    PRIMARY KEY (agreement_id, position)
);

CREATE TABLE agreement_tag (
    agreement_id  UUID        NOT NULL REFERENCES agreement (id),
    position      INTEGER     NOT NULL,
    tag           VARCHAR(64) NOT NULL,
    PRIMARY KEY (agreement_id, position)
);

CREATE TABLE seed_log (
    name        VARCHAR(100) NOT NULL PRIMARY KEY,
    applied_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
