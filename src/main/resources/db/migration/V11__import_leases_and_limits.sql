-- Import jobs (issue 26): a job is held by a lease that another replica takes over when it runs out (its holder was
-- killed); jobs take turns, so that no caller's file starves another's; a job that stopped says why; a file being
-- received counts its bytes against its sender's allowance. Idempotency keys know the record they created, so that its
-- deletion erases what they kept of it.
ALTER TABLE import_job ADD COLUMN lease_owner VARCHAR(100);
ALTER TABLE import_job ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE import_job ADD COLUMN turn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE import_job ADD COLUMN size_bytes BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE import_job ADD COLUMN stop_reason VARCHAR(500);
CREATE INDEX import_job_status_idx ON import_job (status, subject);

ALTER TABLE idempotency_key ADD COLUMN record_id UUID;
ALTER TABLE idempotency_key ALTER COLUMN response DROP NOT NULL;
CREATE INDEX idempotency_key_record_idx ON idempotency_key (record_id);
