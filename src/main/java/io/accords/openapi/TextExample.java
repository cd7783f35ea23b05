package io.accords.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text of a named example that is not JSON (NDJSON lines), declared on the resource that shows it: the scanner reads
 * an example that starts like JSON as JSON and would keep only its first line, so the document gets this text instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(TextExample.List.class)
public @interface TextExample {

    /** The example's name, as its {@code @ExampleObject} gives it. */
    String name();

    /** The example's text. */
    String value();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        TextExample[] value();
    }
}
