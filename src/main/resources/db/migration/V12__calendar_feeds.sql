-- Calendar feeds (issue 26): a caller's own subscription URL, whose secret is stored only as its SHA-256, read with at
-- most its creator's clearance; and the rights each caller's tokens last showed, against which a feed is re-checked
-- on every read.
CREATE TABLE calendar_feed (
    id            UUID          NOT NULL PRIMARY KEY,
    secret_hash   VARCHAR(64)   NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    owner         VARCHAR(200)  NOT NULL,
    clearance     VARCHAR(16)   NOT NULL,
    filters       VARCHAR(4000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_read_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX calendar_feed_owner_idx ON calendar_feed (owner);

CREATE TABLE caller_rights (
    subject    VARCHAR(200)  NOT NULL PRIMARY KEY,
    clearance  VARCHAR(16)   NOT NULL,
    reader     BOOLEAN       NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
