package io.accords.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * When Accords is run with an OpenID Connect identity provider such as Keycloak
 * ({@code ACCORDS_SWAGGER_UI_OPENID_CONNECT_URL}), the served document offers it as a second way to authorize, so that
 * Swagger UI's Authorize logs a person in there (authorization code with PKCE, client {@code accords-swagger-ui})
 * instead of asking for a pasted token. Unset, the document is exactly {@code openapi/openapi.yaml}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class IdentityProviderLogin implements OASFilter {

    static final String PROPERTY = "accords.swagger-ui.openid-connect-url";
    static final String SCHEME = "login";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Optional<String> url = ConfigProvider.getConfig().getOptionalValue(PROPERTY, String.class);
        if (url.isEmpty() || url.get().isBlank() || openAPI.getPaths() == null) {
            return;
        }
        String discovery = url.get().replaceFirst("/+$", "");
        if (!discovery.endsWith("/.well-known/openid-configuration")) {
            discovery += "/.well-known/openid-configuration";
        }
        openAPI.getComponents()
                .addSecurityScheme(
                        SCHEME,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.OPENIDCONNECT)
                                .openIdConnectUrl(discovery)
                                .description("Log in at the identity provider (authorization code with PKCE)"));
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(path -> path.getOperations().values().forEach(IdentityProviderLogin::alsoByLogin));
    }

    private static void alsoByLogin(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            return;
        }
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME, List.of()));
    }
}
