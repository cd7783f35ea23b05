package io.accords.security;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.support.PackagedApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Production refuses to start when it has no key to verify tokens with. */
class VerificationKeysIT {

    @Test
    void refusesToStartWithoutAVerificationKey() throws Exception {
        Path folder = Files.createTempDirectory("accords-keys");
        try (PackagedApp app = new PackagedApp(folder)) {
            app.launch(List.of(
                    "-Daccords.auth.dev-keys.enabled=false",
                    "-Daccords.auth.dev-keys.dir=" + folder.resolve("dev-keys"),
                    "-Dmp.jwt.verify.publickey.location="
                            + folder.resolve("dev-keys").resolve("public.pem")));
            assertTrue(app.awaitExit(90), "the service stops by itself");
            assertNotEquals(0, app.exitValue(), "and says it failed");
            assertTrue(app.log().contains("No key to verify tokens with"), app.log());
            assertTrue(Files.notExists(folder.resolve("dev-keys")), "no key pair was made");
        }
    }
}
