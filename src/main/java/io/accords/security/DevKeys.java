package io.accords.security;

import io.accords.config.AccordsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Checks on start that tokens can be verified. With development keys enabled, makes an RSA key pair under
 * {@code accords.auth.dev-keys.dir} when there is none (so {@code scripts/dev-token} can sign tokens for a newcomer);
 * without them, refuses to start unless a verification key is configured.
 */
@ApplicationScoped
public class DevKeys {

    private static final Logger LOG = Logger.getLogger(DevKeys.class);
    private static final String NO_KEY = "NONE";

    private final AccordsConfig config;
    private final String dbKind;
    private final Optional<String> keyLocation;
    private final Optional<String> key;

    DevKeys(
            AccordsConfig config,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key) {
        this.config = config;
        this.dbKind = dbKind;
        this.keyLocation = keyLocation;
        // "NONE" is how Quarkus says "no inline key" (quarkus:run passes -Dmp.jwt.verify.publickey=NONE);
        // smallrye-jwt then reads the key location, and so must this check.
        this.key = key.filter(k -> !NO_KEY.equals(k));
    }

    void onStart(@Observes StartupEvent event) {
        Path dir = Path.of(config.auth().devKeys().dir());
        boolean devKeys = config.auth().devKeys().enabled().orElse("h2".equals(dbKind));
        Path devPublicKey = dir.resolve("public.pem").toAbsolutePath().normalize();
        boolean usesDevKey = key.isEmpty()
                && keyLocation
                        .map(l -> Path.of(l.replaceFirst("^file:", ""))
                                .toAbsolutePath()
                                .normalize()
                                .equals(devPublicKey))
                        .orElse(false);
        if (!devKeys && (usesDevKey || (key.isEmpty() && keyLocation.isEmpty()))) {
            throw new IllegalStateException("No key to verify tokens with: set MP_JWT_VERIFY_PUBLICKEY_LOCATION to a"
                    + " PEM public key or a JWKS URL (and MP_JWT_VERIFY_ISSUER, MP_JWT_VERIFY_AUDIENCES), or set"
                    + " ACCORDS_AUTH_DEV_KEYS_ENABLED=true for a development key pair");
        }
        if (devKeys && usesDevKey) {
            ensure(dir);
        }
    }

    /** Makes the key pair in {@code dir} unless it is there already. */
    public static void ensure(Path dir) {
        Path privateKey = dir.resolve("private.pem");
        Path publicKey = dir.resolve("public.pem");
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "private", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.move(tmp, privateKey, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            LOG.infof("Made a development key pair in %s; print a token with: java scripts/DevToken.java", dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the development key pair to " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot make RSA keys", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
