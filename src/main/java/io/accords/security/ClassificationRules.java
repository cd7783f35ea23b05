package io.accords.security;

import io.accords.common.Nouns;
import io.accords.http.problem.ProblemException;

/**
 * What a write may do to a record's classification: nobody writes above their clearance, a change never alters it
 * unless the request says so, and only an admin lowers it.
 */
public final class ClassificationRules {

    private ClassificationRules() {}

    /** A new record's classification: the one requested (PUBLIC when none), within the caller's clearance. */
    public static Classification forCreate(Classification requested, Caller caller) {
        Classification classification = requested == null ? Classification.PUBLIC : requested;
        requireWithinClearance(classification, caller);
        return classification;
    }

    /**
     * A changed record's classification: a replacement must name it (so leaving it out never declassifies), within
     * the caller's clearance, and lower than it was only when an admin asks.
     */
    public static Classification forChange(
            String record, Classification current, Classification requested, Caller caller) {
        if (requested == null) {
            throw ProblemException.invalid(
                    "classification",
                    "is required when changing " + Nouns.withArticle(record) + ", so that"
                            + " it never changes by being left out; send \"" + current + "\" to keep it");
        }
        requireWithinClearance(requested, caller);
        if (requested.compareTo(current) < 0 && !caller.admin()) {
            throw ProblemException.forbidden("Lowering " + Nouns.withArticle(record) + "'s classification from "
                    + current + " to " + requested + " needs the admin role");
        }
        return requested;
    }

    /** What a change lowered the classification from, for the revision to record; null when it did not lower it. */
    public static Classification declassifiedFrom(Classification before, Classification after) {
        return after.compareTo(before) < 0 ? before : null;
    }

    private static void requireWithinClearance(Classification classification, Caller caller) {
        if (!caller.clearance().allows(classification)) {
            throw ProblemException.forbidden("classification " + classification + " is above your clearance "
                    + caller.clearance() + "; choose "
                    + String.join(
                            " or ",
                            caller.clearance().andBelow().stream()
                                    .map(Enum::name)
                                    .toList()));
        }
    }
}
