package io.accords.http.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the record a client reads back after writing this input, so that a field the client sent but may not write is
 * explained as set by the service (it is in the record read back) rather than unknown.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadBackAs {

    Class<? extends Record> value();
}
