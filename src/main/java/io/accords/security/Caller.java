package io.accords.security;

import java.util.Optional;

/**
 * Who is calling: the token's subject, its clearance and whether it may read deleted records' history. Outside a
 * request (the seed loader on start) the caller is {@link #SYSTEM}.
 *
 * @param clearance the token's {@code clearance} claim; PUBLIC when missing or not one of the classifications
 */
public record Caller(String subject, Classification clearance, boolean admin) {

    public static final Caller SYSTEM = new Caller("system", Classification.CONFIDENTIAL, true);

    /**
     * A claim value as a clearance, spelt exactly as a classification is (PUBLIC, RESTRICTED, CONFIDENTIAL); the
     * lowest when it is none or any other spelling, so that no identity provider's variant reads higher than meant.
     */
    static Classification clearance(Optional<String> claim) {
        try {
            return claim.map(Classification::valueOf).orElse(Classification.PUBLIC);
        } catch (IllegalArgumentException e) {
            return Classification.PUBLIC;
        }
    }

    public boolean sees(Classification record) {
        return clearance.allows(record);
    }
}
