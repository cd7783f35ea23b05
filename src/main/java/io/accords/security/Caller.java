package io.accords.security;

import java.util.Locale;
import java.util.Optional;

/**
 * Who is calling: the token's subject, its clearance and whether it may read deleted records' history. Outside a
 * request (the seed loader on start) the caller is {@link #SYSTEM}.
 *
 * @param clearance the token's {@code clearance} claim; PUBLIC when missing or not one of the classifications
 */
public record Caller(String subject, Classification clearance, boolean admin) {

    public static final Caller SYSTEM = new Caller("system", Classification.CONFIDENTIAL, true);

    /** A claim value as a clearance, the lowest when it is none. */
    static Classification clearance(Optional<String> claim) {
        try {
            return claim.map(c -> Classification.valueOf(c.strip().toUpperCase(Locale.ROOT)))
                    .orElse(Classification.PUBLIC);
        } catch (IllegalArgumentException e) {
            return Classification.PUBLIC;
        }
    }

    public boolean sees(Classification record) {
        return clearance.allows(record);
    }
}
