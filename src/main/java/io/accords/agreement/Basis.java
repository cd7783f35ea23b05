package io.accords.agreement;

/** How firmly a source supports a fact of an agreement. */
public enum Basis {
    /** The source says it. */
    STATED,
    /** The source reports someone else saying it. */
    REPORTED,
    /** An editor's reading of the sources, explained in a note. */
    INFERRED
}
