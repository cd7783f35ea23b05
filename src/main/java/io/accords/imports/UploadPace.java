package io.accords.imports;

import io.accords.http.problem.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How fast a file must arrive: after a grace period, on average at least a given number of bytes per second since it
 * began, so a sender trickling a few bytes a second cannot hold one of the few places a replica receives files in.
 * (A sender that sends nothing at all is cut by the HTTP idle timeout.) Too slow is a 408 that keeps nothing.
 */
final class UploadPace {

    private final long bytesPerSecond;
    private final Duration grace;
    private final Clock clock;
    private final Instant began;

    UploadPace(long bytesPerSecond, Duration grace, Clock clock) {
        this.bytesPerSecond = bytesPerSecond;
        this.grace = grace;
        this.clock = clock;
        this.began = clock.instant();
    }

    /** Called as bytes arrive, with how many have arrived in all; refuses a file that came too slowly. */
    void arrived(long bytes) {
        Duration elapsed = Duration.between(began, clock.instant());
        if (elapsed.compareTo(grace) <= 0) {
            return;
        }
        if (bytes < bytesPerSecond * elapsed.toMillis() / 1000) {
            throw ProblemException.requestTimeout("The file arrived at "
                    + (bytes * 1000 / Math.max(1, elapsed.toMillis()))
                    + " bytes a second, below the " + bytesPerSecond + " this service waits for; nothing was kept."
                    + " Send it again over a faster connection, or in smaller files");
        }
    }
}
