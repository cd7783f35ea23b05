-- Issue 29: the change feed published to Kafka. One row per relay (today one: kafka): the cursor it has published up to
-- (the feed read at the relay's clearance) and the lease that lets one replica at a time publish. It starts at the
-- beginning, so a topic configured later receives the whole registry's history, in order.
CREATE TABLE change_relay (
    name             VARCHAR(32)   NOT NULL PRIMARY KEY,
    cursor_position  BIGINT        NOT NULL,
    cursor_head      BIGINT        NOT NULL,
    published        BIGINT        NOT NULL,
    last_error       VARCHAR(1000),
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    lease_owner      VARCHAR(100),
    lease_until      TIMESTAMP WITH TIME ZONE
);
INSERT INTO change_relay (name, cursor_position, cursor_head, published) VALUES ('kafka', 0, 0, 0);
