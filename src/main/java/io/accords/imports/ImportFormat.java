package io.accords.imports;

import io.accords.search.AgreementExport;

/** The two shapes an import file takes: those the export writes. */
enum ImportFormat {
    NDJSON("ndjson", AgreementExport.NDJSON),
    CSV("csv", AgreementExport.CSV);

    final String name;
    final String mediaType;

    ImportFormat(String name, String mediaType) {
        this.name = name;
        this.mediaType = mediaType;
    }
}
