package io.accords.http;

import io.accords.http.problem.ProblemException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Optimistic concurrency: a record's version is its ETag, and a write names the version it was based on. */
public final class Versions {

    private Versions() {}

    /** The strong entity tag for a version, sent as {@code ETag: "3"}. */
    public static jakarta.ws.rs.core.EntityTag entityTag(long version) {
        return new jakarta.ws.rs.core.EntityTag(String.valueOf(version));
    }

    /** The strong ETag for a version: {@code "3"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The versions an {@code If-Match} header names: one ETag or a comma-separated list of them (RFC 9110, 13.1.1),
     * any of which may match. Weak tags never match (If-Match compares strongly); unquoted values are remembered, so
     * the refusal can say to quote them.
     */
    public record IfMatch(Set<Long> versions, boolean unquoted) {

        public boolean matches(long version) {
            return versions.contains(version);
        }
    }

    /**
     * Reads the {@code If-Match} header every change must send. Answers 428 when there is none or it is {@code *}
     * (which would let a write overwrite changes its author never saw).
     */
    public static IfMatch ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw ProblemException.preconditionRequired("Send If-Match with the ETag of the version you read (GET"
                    + " the record first, e.g. If-Match: \"3\"), so that no change overwrites one you never saw");
        }
        Set<Long> versions = new LinkedHashSet<>();
        boolean unquoted = false;
        for (String entry : header.split(",")) {
            String tag = entry.strip();
            if (tag.equals("*")) {
                throw ProblemException.preconditionRequired("If-Match: * is not accepted; name the ETag of the"
                        + " version you read, e.g. If-Match: \"3\"");
            }
            if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                parse(tag.substring(1, tag.length() - 1)).ifPresent(versions::add);
            } else if (!tag.startsWith("W/") && parse(tag).isPresent()) {
                unquoted = true;
            }
        }
        return new IfMatch(versions, unquoted);
    }

    private static Optional<Long> parse(String digits) {
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Refuses the write with 412 when the client based it on another version than the stored one. */
    public static void require(long actual, IfMatch expected, String what) {
        if (!expected.matches(actual)) {
            String named = expected.unquoted()
                    ? "an unquoted value; an ETag is quoted, so send If-Match: " + etag(actual)
                            + " if you read version " + actual
                    : expected.versions().isEmpty()
                            ? "another"
                            : "version "
                                    + String.join(
                                            " or ",
                                            expected.versions().stream()
                                                    .map(String::valueOf)
                                                    .toList());
            throw ProblemException.preconditionFailed("The " + what + " is at version " + actual + " (ETag "
                    + etag(actual) + "), but If-Match named " + named + "; read it again and reapply your change");
        }
    }
}
