package io.accords.security;

import java.util.Arrays;
import java.util.List;

/** How sensitive an agreement is, least first. A caller sees a record only up to the clearance its token carries. */
public enum Classification {
    PUBLIC,
    RESTRICTED,
    CONFIDENTIAL;

    /** The classifications a caller with this clearance may see: this one and those below. */
    public List<Classification> andBelow() {
        return Arrays.stream(values()).filter(c -> c.compareTo(this) <= 0).toList();
    }

    public boolean allows(Classification record) {
        return record.compareTo(this) <= 0;
    }

    /** The highest classification there is. */
    public static Classification highest() {
        return values()[values().length - 1];
    }

    /** The highest there is: a caller holding it sees everything. */
    public boolean isHighest() {
        return this == highest();
    }
}
