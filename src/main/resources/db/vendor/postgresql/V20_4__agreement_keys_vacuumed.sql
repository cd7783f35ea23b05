-- Marks the pages V20_2 filled all-visible now rather than whenever autovacuum next comes (see V20_3). VACUUM cannot
-- run in a transaction, so this migration holds nothing else (Flyway runs it outside one).
VACUUM (ANALYZE) agreement_key;
