-- H2 only (this folder holds the migrations only H2 needs). H2 2.4 evaluates a CHECK constraint with the session
-- that created it: once the pool closed the connection that ran the migrations (after it idled, about ten minutes
-- after the first start), every write answered "Check constraint invalid" (H2MigrationsTest; H2 issues 4291, 4302).
-- Rewriting the condition does not help: any comparison reads the creating session. So the embedded database relies
-- on the application, which writes only the enums' values; PostgreSQL, the production database, keeps the checks.
ALTER TABLE agreement DROP CONSTRAINT agreement_classification_check;
ALTER TABLE revision DROP CONSTRAINT revision_action_check;
ALTER TABLE revision DROP CONSTRAINT revision_classification_check;
