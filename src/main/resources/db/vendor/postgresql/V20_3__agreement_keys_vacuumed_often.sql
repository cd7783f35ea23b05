-- Issue 30: the key table (V20_2) is read by index-only scans, which skip the table's rows only on pages VACUUM has
-- marked all-visible. After a large load, and on every page written since the last vacuum, each entry read costs a
-- visit to its row: the bounded count of sector=NAVAL at 1,000,000 took 76-81 ms before a vacuum and 3-4 ms after it
-- (bench/RESULTS.md). By default autovacuum comes after 20 % of a table's rows are new or changed (2.3 million key
-- rows at 1,000,000 agreements); here it comes after 1 %.
ALTER TABLE agreement_key SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_scale_factor = 0.01);
