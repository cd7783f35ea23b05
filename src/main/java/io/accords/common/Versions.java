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
     * Reads an {@code If-Match} header. Returns null when there is none or it is {@code *} (any current version);
     * {@code -1} for a value that can match no version of this service's records.
     */
    public static Long fromIfMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
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
    public static void require(long actual, Long expected, String what) {
        if (expected != null && expected != actual) {
            throw ProblemException.preconditionFailed("The " + what + " is at version " + actual
                    + " (ETag " + etag(actual) + "), but If-Match named " + (expected < 0 ? "another" : "version "
                            + expected) + "; read it again and reapply your change");
        }
    }
}
