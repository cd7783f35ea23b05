package io.accords.search;

import io.accords.http.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A position in the walk of agreements ordered by last change and id: the last record a client has seen. Opaque to
 * clients (base64url of {@code <epoch second>.<nanos>/<id>}).
 */
public record SyncCursor(Instant updatedAt, UUID id) {

    /** The position a client passed; none (the walk starts at the beginning) when the text is absent or empty. */
    public static Optional<SyncCursor> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int dot = decoded.indexOf('.');
            int slash = decoded.indexOf('/');
            Instant at = Instant.ofEpochSecond(
                    Long.parseLong(decoded.substring(0, dot)), Long.parseLong(decoded.substring(dot + 1, slash)));
            return Optional.of(new SyncCursor(at, UUID.fromString(decoded.substring(slash + 1))));
        } catch (RuntimeException e) {
            throw ProblemException.invalid(
                    "cursor",
                    "is not a cursor this service gave out; start again without"
                            + " one, or pass the nextCursor of the last page");
        }
    }

    @Override
    public String toString() {
        String plain = updatedAt.getEpochSecond() + "." + updatedAt.getNano() + "/" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
