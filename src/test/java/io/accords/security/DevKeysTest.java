package io.accords.security;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.config.AccordsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up key check, as README's run command ({@code quarkus:run}) and the packaged jar configure it. */
class DevKeysTest {

    @TempDir
    Path dir;

    @Test
    void makesTheKeyPairWhenQuarkusRunSaysThereIsNoInlineKey() {
        // quarkus:run starts the application with -Dmp.jwt.verify.publickey=NONE.
        devKeys(Optional.of("NONE")).onStart(null);
        assertTrue(Files.exists(dir.resolve("private.pem")), "private key made");
        assertTrue(Files.exists(dir.resolve("public.pem")), "public key made");
    }

    @Test
    void makesTheKeyPairWithoutAnInlineKey() {
        devKeys(Optional.empty()).onStart(null);
        assertTrue(Files.exists(dir.resolve("public.pem")), "public key made");
    }

    @Test
    void refusesToStartWithoutAKeyWhenDevelopmentKeysAreOff() {
        DevKeys check = new DevKeys(
                config(Optional.of(false)),
                "postgresql",
                Optional.of(dir.resolve("public.pem").toString()),
                Optional.of("NONE"));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> check.onStart(null));
        assertTrue(refused.getMessage().contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"), refused.getMessage());
    }

    private DevKeys devKeys(Optional<String> inlineKey) {
        return new DevKeys(
                config(Optional.empty()),
                "h2",
                Optional.of(dir.resolve("public.pem").toString()),
                inlineKey);
    }

    private AccordsConfig config(Optional<Boolean> enabled) {
        AccordsConfig.DevKeys devKeys = new AccordsConfig.DevKeys() {
            @Override
            public Optional<Boolean> enabled() {
                return enabled;
            }

            @Override
            public String dir() {
                return dir.toString();
            }
        };
        return new AccordsConfig() {
            @Override
            public Webhooks webhooks() {
                throw new UnsupportedOperationException();
            }

            @Override
            public SwaggerUi swaggerUi() {
                throw new UnsupportedOperationException();
            }

            @Override
            public RateLimit rateLimit() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Imports imports() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Seed seed() {
                return Optional::empty;
            }

            @Override
            public Auth auth() {
                return () -> devKeys;
            }

            @Override
            public Idempotency idempotency() {
                return () -> Duration.ofHours(24);
            }

            @Override
            public Export export() {
                return () -> 500;
            }

            @Override
            public Search search() {
                return () -> 10_000;
            }

            @Override
            public Postgresql postgresql() {
                return () -> new java.math.BigDecimal("1.1");
            }

            @Override
            public Facets facets() {
                return () -> 2_000;
            }

            @Override
            public Relevance relevance() {
                return () -> 2_000;
            }

            @Override
            public ReadModel readModel() {
                return () -> false;
            }
        };
    }
}
