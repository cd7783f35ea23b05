package io.accords.record;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record kind, declared once on its {@link RecordResource}: the resource's {@code @Path} is where it lives, and this
 * says what the generic layer cannot know. The OpenAPI document makes each operation's id, summary, descriptions and
 * examples from it ({@code getOccasion}, "Create an occasion", "The occasion's id"), so a new kind edits no central
 * list. Every value is text a user reads; the examples live in the kind's own package.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RecordKind {

    /** The record's noun, singular and lower case, as a user says it: "occasion". */
    String noun();

    /** The noun of the record this one sits under (a milestone's "agreement"); empty for a record of its own. */
    String parent() default "";

    /** The id of a seed record, so that Swagger UI's prefilled calls find one. */
    String seedId();

    /** What a get answers, said to the user. */
    String get();

    /** What a create records and answers. */
    String create();

    /** What a delete does, and what refuses it. */
    String delete();

    /** What stands in the way of a delete (its 409); empty when nothing can. */
    String conflict() default "";

    /**
     * What a write is refused for when the record would duplicate another (its 409 on create, replace and patch);
     * empty when nothing about it must be unique.
     */
    String duplicate() default "";

    /** The problem such a create is answered with. */
    String duplicateExample() default "";

    /** A body to create one with, and the example's name. */
    String input();

    String inputName();

    /**
     * The example record Swagger UI's prefilled changes act on ({@link ExampleRecords#changed}), as its input: seeded
     * with it, sent as it is by the replace example, and left as it is by the {@link #patch} example (which sets what
     * this already holds), so that trying them changes nothing, however often, in any order.
     */
    String replace();

    /** A merge patch worth trying, and the example's name: it must leave {@link #replace} as it is. */
    String patch();

    String patchName();

    /** The record as answered, and a page of them. */
    String example();

    String pageExample();
}
