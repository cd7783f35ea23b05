-- Issue 16: revisions take their ids from a sequence the service reserves 50 at a time, instead of an identity column
-- that hands out one id per insert. An identity id is only known once its row is inserted, so every revision was a
-- round trip of its own and could not join a batch; a bulk import writes one or more revisions per row.
ALTER TABLE revision ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE revision_ids START WITH 50 INCREMENT BY 50;
