-- The service reserves the 50 ids up to each value the sequence gives, so its next value is 50 past the highest id.
ALTER SEQUENCE revision_ids RESTART WITH (SELECT COALESCE(MAX(id), 0) + 50 FROM revision);
