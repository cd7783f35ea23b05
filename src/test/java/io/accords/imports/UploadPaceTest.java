package io.accords.imports;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.http.problem.ProblemException;
import io.accords.http.problem.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A file must keep arriving at the least pace a replica waits for, once its grace period is over. */
class UploadPaceTest {

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        private Instant now = Instant.parse("2026-12-05T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void pass(Duration duration) {
            now = now.plus(duration);
        }
    }

    @Test
    void aSlowStartIsForgivenWithinTheGraceButATrickleIsRefusedAfterIt() {
        Hand clock = new Hand();
        UploadPace pace = new UploadPace(1024, Duration.ofSeconds(30), clock);
        clock.pass(Duration.ofSeconds(29));
        assertDoesNotThrow(() -> pace.arrived(10), "within the grace any pace is fine");
        clock.pass(Duration.ofSeconds(2));
        ProblemException slow = assertThrows(ProblemException.class, () -> pace.arrived(31 * 3));
        assertEquals(
                ProblemType.REQUEST_TIMEOUT.status(),
                slow.toProblem("/api/v1/imports").status());
        assertTrue(slow.getMessage().contains("3 bytes a second, below the 1024"), slow.getMessage());
    }

    @Test
    void aFileArrivingAtThePaceOrFasterIsNeverRefused() {
        Hand clock = new Hand();
        UploadPace pace = new UploadPace(1024, Duration.ofSeconds(30), clock);
        for (int second = 1; second <= 600; second++) {
            clock.pass(Duration.ofSeconds(1));
            long bytes = 1024L * second;
            assertDoesNotThrow(() -> pace.arrived(bytes));
        }
    }

    @Test
    void aFastStartThenATrickleIsRefusedOnceTheAverageFallsBelowThePace() {
        Hand clock = new Hand();
        UploadPace pace = new UploadPace(1024, Duration.ofSeconds(30), clock);
        pace.arrived(100 * 1024); // 100 KiB at once
        clock.pass(Duration.ofSeconds(99));
        assertDoesNotThrow(() -> pace.arrived(100 * 1024 + 99));
        clock.pass(Duration.ofSeconds(2));
        assertThrows(ProblemException.class, () -> pace.arrived(100 * 1024 + 101));
    }
}
