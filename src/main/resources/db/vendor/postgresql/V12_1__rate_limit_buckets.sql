-- Rate limit counters shared by every replica (accords.rate-limit.store=database): Bucket4j's PostgreSQL store,
-- one row per caller and policy, keyed by a SHA-256 of them (no subject or address in clear), removed once refilled.
CREATE TABLE rate_limit_bucket (
    id VARCHAR(64) PRIMARY KEY,
    state BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires ON rate_limit_bucket (expires_at);
