package io.accords.http.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Secrets the service mints (a calendar feed's): 256 random bits with a recognisable prefix, as secret scanners know
 * tokens by theirs, so that wherever one appears (a path in a log line, a span attribute, a problem's instance) it is
 * found and left out. Only their SHA-256 is stored.
 */
public final class Secrets {

    /** What every minted secret starts with. */
    public static final String PREFIX = "acs_";

    /** A minted secret: the prefix and 43 characters of base64url. */
    public static final String PATTERN = PREFIX + "[A-Za-z0-9_-]{43}";

    private static final Pattern ANYWHERE = Pattern.compile(PREFIX + "[A-Za-z0-9_-]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    public static String mint() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The secret's SHA-256, hex: what is stored and compared. */
    public static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether two hashes are equal, in a time that does not depend on where they differ. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** The text with every minted secret in it replaced by its prefix and an ellipsis. */
    public static String redact(String text) {
        return text == null || !text.contains(PREFIX)
                ? text
                : ANYWHERE.matcher(text).replaceAll(PREFIX + "…");
    }
}
