-- The agreement as its readers see it whole (JSON), kept up to date with every write by AgreementReadModel, so that a
-- get by id reads one row instead of the agreement and each of its collections. Filled on start for existing rows.
ALTER TABLE agreement ADD COLUMN document VARCHAR(1000000);
