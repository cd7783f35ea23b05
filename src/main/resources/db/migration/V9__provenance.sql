-- Issue 16, provenance: which source supports which fact of an agreement, and how firmly. Existing agreements start
-- with no claims, so every fact they hold reads as uncited; clearing their read model makes the start-up fill add the
-- uncited search keys (basis=status:UNCITED) without changing a version.
CREATE TABLE agreement_claim (
    agreement_id  UUID          NOT NULL REFERENCES agreement (id),
    position      INTEGER       NOT NULL,
    fact          VARCHAR(120)  NOT NULL,
    basis         VARCHAR(16)   NOT NULL,
    source_urls   VARCHAR(42000),
    note          VARCHAR(1000),
    PRIMARY KEY (agreement_id, position)
);

UPDATE agreement SET document = NULL;

-- Bulk imports: a job, the file it reads (kept in parts so that neither the upload nor the work holds it whole), and
-- the rows it refused.
CREATE TABLE import_job (
    id             UUID          NOT NULL PRIMARY KEY,
    status         VARCHAR(16)   NOT NULL,
    format         VARCHAR(8)    NOT NULL,
    header         VARCHAR(4000),
    dry_run        BOOLEAN       NOT NULL,
    atomic         BOOLEAN       NOT NULL,
    subject        VARCHAR(200)  NOT NULL,
    roles          VARCHAR(200)  NOT NULL,
    clearance      VARCHAR(16)   NOT NULL,
    total_rows     INTEGER       NOT NULL,
    rows_done      INTEGER       NOT NULL,
    created        INTEGER       NOT NULL,
    updated        INTEGER       NOT NULL,
    unchanged      INTEGER       NOT NULL,
    refused        INTEGER       NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP(6) WITH TIME ZONE,
    finished_at    TIMESTAMP(6) WITH TIME ZONE
);

CREATE TABLE import_part (
    job_id     UUID     NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    seq        INTEGER  NOT NULL,
    first_row  INTEGER  NOT NULL,
    row_count  INTEGER  NOT NULL,
    content    VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (job_id, seq)
);

CREATE TABLE import_refusal (
    job_id     UUID           NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    row_number INTEGER        NOT NULL,
    record_id  UUID,
    problem    VARCHAR(20000) NOT NULL,
    retry      BOOLEAN        NOT NULL,
    PRIMARY KEY (job_id, row_number)
);
