package io.accords.common;

import io.accords.problem.ProblemException;

/** Optimistic concurrency: a record's version is its ETag, and a write names the version it was based on. */
public final class Versions {

    private Versions() {
    }

    /** The strong entity tag for a version, sent as {@code ETag: "3"}. */
    public static jakarta.ws.rs.core.EntityTag entityTag(long version) {
        return new jakarta.ws.rs.core.EntityTag(String.valueOf(version));
    }

    /** The strong ETag for a version: {@code "3"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Reads the {@code If-Match} header every change must send. Answers 428 when there is none or it is {@code *}
     * (which would let a write overwrite changes its author never saw); {@code -1} for a value that can match no
     * version of this service's records.
     */
    public static long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw ProblemException.preconditionRequired("Send If-Match with the ETag of the version you read (GET"
                    + " the record first, e.g. If-Match: \"3\"), so that no change overwrites one you never saw");
        }
        String tag = header.strip();
        if (tag.equals("*")) {
            throw ProblemException.preconditionRequired("If-Match: * is not accepted; name the ETag of the version"
                    + " you read, e.g. If-Match: \"3\"");
        }
        if (tag.startsWith("\"") && tag.endsWith("\"") && tag.length() > 2) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException e) {
                return -1L;
            }
        }
        return -1L;
    }

    /** Refuses the write with 412 when the client based it on another version than the stored one. */
    public static void require(long actual, long expected, String what) {
        if (expected != actual) {
            throw ProblemException.preconditionFailed("The " + what + " is at version " + actual
                    + " (ETag " + etag(actual) + "), but If-Match named " + (expected < 0 ? "another" : "version "
                            + expected) + "; read it again and reapply your change");
        }
    }
}
