-- Issue 29: one change feed for the whole registry. Every revision is also a pending change, written in the
-- transaction that makes it (the outbox). A sequencer gives pending changes their positions once they have committed,
-- one sequencer at a time (it holds the row lock on change_sequencer), so a position is never overtaken by a change
-- that commits later: a follower reading after a position never misses one.
CREATE TABLE change_pending (
    revision_id     BIGINT       NOT NULL PRIMARY KEY,
    -- Who may see the change: the record's classification, or its agreement's when that is higher (a milestone).
    classification  VARCHAR(16)  NOT NULL
);

CREATE TABLE change_event (
    position               BIGINT       NOT NULL PRIMARY KEY,
    revision_id            BIGINT       NOT NULL,
    record_type            VARCHAR(16)  NOT NULL,
    record_id              UUID         NOT NULL,
    record_version         BIGINT       NOT NULL,
    action                 VARCHAR(16)  NOT NULL,
    classification         VARCHAR(16)  NOT NULL,
    -- Who could see the record before the change: null for a creation.
    classification_before  VARCHAR(16),
    changed_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT change_event_revision_unique UNIQUE (revision_id)
);
CREATE INDEX change_event_record_idx ON change_event (record_type, record_id, position);

CREATE TABLE change_sequencer (
    id             INT          NOT NULL PRIMARY KEY,
    last_position  BIGINT       NOT NULL,
    -- The key that makes positions opaque cursors, the same for every replica; made by the first that starts.
    cursor_key     VARCHAR(64)
);
INSERT INTO change_sequencer (id, last_position) VALUES (1, 0);

-- The history so far, in the order it was made. A milestone is seen only by who may see its agreement as well.
INSERT INTO change_event (position, revision_id, record_type, record_id, record_version, action, classification,
                          classification_before, changed_at)
SELECT ROW_NUMBER() OVER (ORDER BY e.changed_at, e.id), e.id, e.record_type, e.record_id, e.record_version, e.action,
       e.classification,
       CASE e.action
           WHEN 'CREATED' THEN NULL
           WHEN 'DELETED' THEN e.classification
           ELSE LAG(e.classification) OVER (PARTITION BY e.record_type, e.record_id ORDER BY e.record_version, e.id)
       END,
       e.changed_at
FROM (
    SELECT r.id, r.record_type, r.record_id, r.record_version, r.action, r.changed_at,
           CASE
               WHEN r.record_type <> 'milestone' THEN r.classification
               WHEN a.classification IS NULL THEN 'CONFIDENTIAL'
               WHEN a.classification = 'CONFIDENTIAL' OR r.classification = 'CONFIDENTIAL' THEN 'CONFIDENTIAL'
               WHEN a.classification = 'RESTRICTED' OR r.classification = 'RESTRICTED' THEN 'RESTRICTED'
               ELSE 'PUBLIC'
           END AS classification
    FROM revision r
    LEFT JOIN milestone m ON r.record_type = 'milestone' AND m.id = r.record_id
    LEFT JOIN agreement a ON a.id = m.agreement_id
) e;
UPDATE change_sequencer SET last_position = (SELECT COALESCE(MAX(position), 0) FROM change_event) WHERE id = 1;
