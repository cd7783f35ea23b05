-- The service reserves the 50 ids up to each value the sequence gives, so its next value is 50 past the highest id.
-- A revision inserted without an id (by hand) takes the sequence's next value, which no reserved block holds.
SELECT setval('revision_ids', (SELECT COALESCE(MAX(id), 0) FROM revision) + 50, false);
ALTER TABLE revision ALTER COLUMN id SET DEFAULT nextval('revision_ids');
