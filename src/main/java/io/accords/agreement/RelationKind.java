package io.accords.agreement;

/**
 * How one agreement stands to another. Each kind reads the other way as its inverse: an agreement that SUPERSEDES
 * another is SUPERSEDED_BY it. IMPLEMENTS is what an agreement's parent says (an arrangement under a framework).
 */
public enum RelationKind {
    AMENDS("AMENDED_BY"),
    SUPERSEDES("SUPERSEDED_BY"),
    IMPLEMENTS("IMPLEMENTED_BY"),
    EXTENDS("EXTENDED_BY"),
    FOLLOWS_UP("FOLLOWED_UP_BY"),
    RELATED("RELATED");

    private final String inverse;

    RelationKind(String inverse) {
        this.inverse = inverse;
    }

    /** The kind read from the other agreement's side. */
    public String inverse() {
        return inverse;
    }
}
