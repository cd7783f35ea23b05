package io.accords.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Gives an admin the editor and reader roles, and an editor the reader role. */
@ApplicationScoped
public class RoleHierarchy implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        if (identity.hasRole(Roles.ADMIN)) {
            builder.addRole(Roles.EDITOR).addRole(Roles.READER);
        } else if (identity.hasRole(Roles.EDITOR)) {
            builder.addRole(Roles.READER);
        }
        return Uni.createFrom().item(builder.build());
    }
}
