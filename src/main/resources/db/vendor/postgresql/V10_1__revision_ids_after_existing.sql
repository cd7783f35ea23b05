-- The service reserves the 50 ids up to each value the sequence gives, so its next value is 50 past the highest id.
SELECT setval('revision_ids', (SELECT COALESCE(MAX(id), 0) FROM revision) + 50, false);
