package io.accords.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The example of a response schema, declared on the resource that answers it, with the example kept in its feature:
 * the OpenAPI document shows it on every success response of that schema. A record kind's own schemas come from its
 * {@link io.accords.record.RecordKind} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(SchemaExample.List.class)
public @interface SchemaExample {

    /** The schema's name in the document, such as {@code SyncPage} or {@code PageViewImportJobView}. */
    String schema();

    /** The example, as JSON. */
    String value();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        SchemaExample[] value();
    }
}
