// Prints a bearer token signed with the development key pair the embedded service makes on first start.
//
//   java scripts/DevToken.java [role] [clearance] [--subject NAME] [--minutes N] [--keys DIR]
//
//   role       reader (default), editor or admin
//   clearance  PUBLIC (default), RESTRICTED or CONFIDENTIAL
//   --keys     the key directory, data/dev-keys by default (ACCORDS_AUTH_DEV_KEYS_DIR)
//
// Example: curl -H "Authorization: Bearer $(java scripts/DevToken.java editor CONFIDENTIAL)" \
//            localhost:8080/api/v1/agreements
// Only for the development key pair: production tokens come from your identity provider.

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

public class DevToken {

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        String subject = null;
        long minutes = 60;
        String keys = System.getenv().getOrDefault("ACCORDS_AUTH_DEV_KEYS_DIR", "data/dev-keys");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--subject" -> subject = args[++i];
                case "--minutes" -> minutes = Long.parseLong(args[++i]);
                case "--keys" -> keys = args[++i];
                case "-h", "--help" -> usage(0);
                default -> positional.add(args[i]);
            }
        }
        String role = positional.size() > 0 ? positional.get(0) : "reader";
        String clearance = positional.size() > 1 ? positional.get(1).toUpperCase() : "PUBLIC";
        if (!Set.of("reader", "editor", "admin").contains(role)
                || !Set.of("PUBLIC", "RESTRICTED", "CONFIDENTIAL").contains(clearance)
                || positional.size() > 2) {
            usage(2);
        }
        Path privateKey = Path.of(keys, "private.pem");
        if (!Files.exists(privateKey)) {
            System.err.println("No " + privateKey + ": start the service once (./mvnw quarkus:dev or the packaged"
                    + " jar) and it makes the development key pair there.");
            System.exit(1);
        }
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"accords-dev\",\"aud\":\"accords\",\"sub\":\""
                + (subject == null
                        ? "dev-" + role
                        : subject.replace("\\", "\\\\").replace("\"", "\\\"")) + "\",\"groups\":[\"" + role
                + "\"],\"clearance\":\"" + clearance + "\",\"iat\":" + now + ",\"exp\":" + (now + minutes * 60)
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(claims);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(read(privateKey));
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        String signed = Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        System.out.println(signingInput + "." + signed);
    }

    static PrivateKey read(Path pem) throws Exception {
        String base64 =
                Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static void usage(int status) {
        System.err.println("usage: java scripts/DevToken.java [reader|editor|admin] [PUBLIC|RESTRICTED|CONFIDENTIAL]"
                + " [--subject NAME] [--minutes N] [--keys DIR]");
        System.exit(status);
    }
}
