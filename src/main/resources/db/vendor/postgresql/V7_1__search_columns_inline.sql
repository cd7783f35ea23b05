-- Issue 14, PostgreSQL only: keep what search reads in the agreement's row and move the rest out of it. With its
-- document, words and vectors an agreement row is about 2 kB, so PostgreSQL's default moved the text-search vectors
-- out of line (TOAST): a search that reads rows (a common word's bounded count, a filter's scan) fetched each vector
-- from the TOAST table, about 15 µs a row, and a scan read wide rows. Measured on 200,000 bench agreements: the
-- bounded count of a common word took 290-315 ms with the default and 24-25 ms with the vectors and keys kept inline
-- and the document and words moved out (toast_tuple_target); a common sector's, 215-230 ms and 95-98 ms.
-- Applies to rows as they are written; ACCORDS_READ_MODEL_REBUILD=true rewrites every agreement.
ALTER TABLE agreement SET (toast_tuple_target = 128);
ALTER TABLE agreement
    ALTER COLUMN search_keys SET STORAGE MAIN,
    ALTER COLUMN search_vector SET STORAGE MAIN,
    ALTER COLUMN search_vector_restricted SET STORAGE MAIN,
    ALTER COLUMN search_vector_public SET STORAGE MAIN;
