package io.accords.imports;

import io.accords.config.AccordsConfig;
import io.accords.http.problem.StreamedBody;
import jakarta.enterprise.context.ApplicationScoped;

/** An import file is streamed into the database in parts, so it may be as large as {@code accords.imports.max-size}. */
@ApplicationScoped
class ImportBody implements StreamedBody {

    private final long limit;

    ImportBody(AccordsConfig config) {
        this.limit = config.imports().maxSize().asLongValue();
    }

    @Override
    public String path() {
        return ImportResource.PATH;
    }

    @Override
    public long limit() {
        return limit;
    }
}
