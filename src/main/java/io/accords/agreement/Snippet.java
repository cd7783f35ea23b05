package io.accords.agreement;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a text search found its words in an agreement: a piece of one field, with the words found marked. */
@RegisterForReflection
@Schema(
        description = "Only on listAgreements results for a q: the piece of the agreement where the words were found,"
                + " with each match given as a span of that text (plain text; mark it as your interface likes)")
public record Snippet(
        @Schema(
                description = "The field the text comes from",
                enumeration = {
                    SearchFields.TITLE,
                    SearchFields.SUMMARY,
                    SearchFields.SYSTEMS,
                    SearchFields.TAGS,
                    SearchFields.PARTIES
                },
                examples = "summary")
        String field,

        @Schema(
                description = "The field's text, or for a long summary the part around the first match,"
                        + " with … where it was cut",
                examples = "…agreement on joint production of KF-21 fighter jet components…",
                maxLength = MAX_TEXT)
        String text,

        @Schema(description = "The matches in text, in order", maxItems = MAX_TEXT)
        List<Highlight> highlights) {

    /** How much of a long field a snippet shows around its first match. */
    public static final int WINDOW = 160;
    /** The longest text a snippet shows: the window, with an ellipsis at either end where it was cut. */
    public static final int MAX_TEXT = WINDOW + 2;

    /** A span of the snippet's text, in UTF-16 code units as JavaScript and Java count them. */
    public record Highlight(
            @Schema(description = "Where the match starts in text, from 0", examples = "35")
            int start,

            @Schema(description = "How long it is", examples = "5")
            int length) {}
}
