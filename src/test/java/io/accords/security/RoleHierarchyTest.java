package io.accords.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** Roles one implies, and a token's groups read once however many requests it comes with. */
class RoleHierarchyTest {

    private final RoleHierarchy hierarchy = new RoleHierarchy();

    /** A verified token with this payload that counts how often its raw form is read. */
    private static JsonWebToken token(String payload, AtomicInteger reads) {
        String raw = "e30."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + ".c2ln";
        return (JsonWebToken) Proxy.newProxyInstance(
                JsonWebToken.class.getClassLoader(), new Class<?>[] {JsonWebToken.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getRawToken":
                            reads.incrementAndGet();
                            return raw;
                        case "getName":
                            return "someone";
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            return null;
                    }
                });
    }

    private Set<String> roles(JsonWebToken token, String role) {
        SecurityIdentity identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addRole(role)
                .build();
        return hierarchy.augment(identity, null).await().indefinitely().getRoles();
    }

    @Test
    void anEditorIsAReaderAndAnAdminBoth() {
        AtomicInteger reads = new AtomicInteger();
        JsonWebToken token = token("{\"groups\":[\"admin\"]}", reads);
        assertEquals(Set.of(Roles.ADMIN, Roles.EDITOR, Roles.READER), roles(token, Roles.ADMIN));
        JsonWebToken editor = token("{\"groups\":[\"editor\"]}", reads);
        assertEquals(Set.of(Roles.EDITOR, Roles.READER), roles(editor, Roles.EDITOR));
    }

    @Test
    void aTokensGroupsAreReadOnceHoweverManyRequestsItComesWith() {
        AtomicInteger reads = new AtomicInteger();
        JsonWebToken listed = token("{\"groups\":[\"editor\"]}", reads);
        for (int request = 0; request < 3; request++) {
            assertEquals(Set.of(Roles.EDITOR, Roles.READER), roles(listed, Roles.EDITOR));
        }
        assertEquals(1, reads.get(), "reads of the token's payload");
    }

    @Test
    void groupsAsOneStringAreNoListOfRolesOnAnyRequest() {
        AtomicInteger reads = new AtomicInteger();
        JsonWebToken spaced = token("{\"groups\":\"reader admin\"}", reads);
        for (int request = 0; request < 3; request++) {
            assertEquals(Set.of(), roles(spaced, Roles.ADMIN));
        }
        assertEquals(1, reads.get(), "reads of the token's payload");
    }
}
