-- The service reserves the 50 ids up to each value the sequence gives, so its next value is 50 past the highest id.
-- A revision inserted without an id (by hand) takes the sequence's next value, which no reserved block holds.
ALTER SEQUENCE revision_ids RESTART WITH (SELECT COALESCE(MAX(id), 0) + 50 FROM revision);
ALTER TABLE revision ALTER COLUMN id SET DEFAULT NEXT VALUE FOR revision_ids;
