package io.accords.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    @Test
    void aSignatureIsTheStandardWebhooksOne() {
        // The example of the Standard Webhooks specification and its reference libraries.
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignatures.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}"));
    }

    @Test
    void aMintedSecretIsTwentyFourRandomBytesAfterItsPrefix() {
        String secret = WebhookSignatures.mint();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(24, java.util.Base64.getDecoder().decode(secret.substring(6)).length);
        assertFalse(secret.equals(WebhookSignatures.mint()));
    }

    @Test
    void onlyHttpsAddressesOnThePublicInternetAreTargets() throws Exception {
        for (String target : List.of(
                "http://93.184.215.14/hook",
                "https://127.0.0.1/hook",
                "https://10.1.2.3/hook",
                "https://192.168.0.5/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/hook",
                "https://[::1]/hook",
                "https://[fd00::1]/hook",
                "https://user:pw@93.184.215.14/hook",
                "https://0.0.0.0/hook",
                "not an address")) {
            assertTrue(WebhookTargets.refusal(target, false, List.of()).isPresent(), target);
        }
        assertEquals(
                java.util.Optional.empty(), WebhookTargets.refusal("https://93.184.215.14/hook", false, List.of()));
        // A closed network names its receivers, or allows private targets outright.
        assertEquals(
                java.util.Optional.empty(),
                WebhookTargets.refusal("https://localhost/hook", false, List.of("localhost")));
        assertEquals(java.util.Optional.empty(), WebhookTargets.refusal("http://127.0.0.1:9/hook", true, List.of()));
        assertFalse(WebhookTargets.isPublic(InetAddress.getByName("172.16.0.1")));
        assertTrue(WebhookTargets.isPublic(InetAddress.getByName("8.8.8.8")));
    }
}
