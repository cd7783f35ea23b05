package io.accords.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Base64;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Gives an admin the editor and reader roles, and an editor the reader role. */
@ApplicationScoped
public class RoleHierarchy implements SecurityIdentityAugmentor {

    /**
     * Whether a token's groups are a list, read once per token: {@link VerifiedTokens} hands the same token out on every
     * request until it expires, and reading its payload again was 3–4 % of a list's CPU (bench/RESULTS.md). Keyed by
     * the token itself (weakly, by identity), so an entry goes when the verified token does.
     */
    private final Cache<JsonWebToken, Boolean> listed = Caffeine.newBuilder()
            .weakKeys()
            .maximumSize(VerifiedTokens.CAPACITY)
            .build();

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        if (identity.getPrincipal() instanceof JsonWebToken token
                && !listed.get(token, read -> groupsAreAList(read.getRawToken()))) {
            // "reader admin" as one string is no list of roles: read strictly, the token holds none.
            return Uni.createFrom()
                    .item(QuarkusSecurityIdentity.builder()
                            .setPrincipal(identity.getPrincipal())
                            .addCredentials(identity.getCredentials())
                            .addAttributes(identity.getAttributes())
                            .build());
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        if (identity.hasRole(Roles.ADMIN)) {
            builder.addRole(Roles.EDITOR).addRole(Roles.READER);
        } else if (identity.hasRole(Roles.EDITOR)) {
            builder.addRole(Roles.READER);
        }
        return Uni.createFrom().item(builder.build());
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether the token's groups claim, when it has one, is a JSON array (smallrye-jwt would split a string). */
    static boolean groupsAreAList(String rawToken) {
        if (rawToken == null) {
            return true;
        }
        String[] parts = rawToken.split("\\.");
        if (parts.length < 2) {
            return false;
        }
        try {
            JsonNode groups =
                    JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).get("groups");
            return groups == null || groups.isArray();
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
