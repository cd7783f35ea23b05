-- Issue 27: programmes, the development, production or acquisition of one weapon system. Agreements belong to one by
-- naming its system, so no existing table changes.
CREATE TABLE programme (
    id                UUID          NOT NULL PRIMARY KEY,
    version           BIGINT        NOT NULL,
    name              VARCHAR(300)  NOT NULL,
    weapon_system     VARCHAR(100)  NOT NULL,
    description       VARCHAR(2000),
    started_first     DATE,
    started_last      DATE,
    started_precision VARCHAR(5),
    classification    VARCHAR(16)   NOT NULL,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX programme_classification_name_idx ON programme (classification, name);

CREATE TABLE programme_country (
    programme_id  UUID        NOT NULL REFERENCES programme (id),
    position      INTEGER     NOT NULL,
    country       VARCHAR(2)  NOT NULL,
    PRIMARY KEY (programme_id, position)
);
CREATE INDEX programme_country_idx ON programme_country (country);

CREATE TABLE programme_source (
    programme_id  UUID          NOT NULL REFERENCES programme (id),
    position      INTEGER       NOT NULL,
    publisher     VARCHAR(200),
    title         VARCHAR(500),
    url           VARCHAR(2000) NOT NULL,
    published_on  DATE,
    PRIMARY KEY (programme_id, position)
);
