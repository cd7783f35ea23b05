package io.accords.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
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
 * instead of asking for a pasted token. The scheme is OAuth 2.0 with that one flow and the one scope it needs
 * ({@code openid}): as {@code openIdConnect}, Swagger UI would offer every flow and every scope the provider's
 * discovery document lists (nine entries with thirteen scopes each, on Keycloak), of which only one works here. The
 * endpoints are those a Keycloak realm has at the URL, unless {@code accords.swagger-ui.authorization-url} and
 * {@code accords.swagger-ui.token-url} name others. Unset, the document is exactly {@code openapi/openapi.yaml}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class IdentityProviderLogin implements OASFilter {

    static final String PROPERTY = "accords.swagger-ui.openid-connect-url";
    static final String SCHEME = "login";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var config = ConfigProvider.getConfig();
        Optional<String> url = config.getOptionalValue(PROPERTY, String.class);
        if (url.isEmpty() || url.get().isBlank() || openAPI.getPaths() == null) {
            return;
        }
        String realm = url.get().replaceFirst("/+$", "").replaceFirst("/\\.well-known/openid-configuration$", "");
        String authorization = config.getOptionalValue("accords.swagger-ui.authorization-url", String.class)
                .orElse(realm + "/protocol/openid-connect/auth");
        String token = config.getOptionalValue("accords.swagger-ui.token-url", String.class)
                .orElse(realm + "/protocol/openid-connect/token");
        openAPI.getComponents()
                .addSecurityScheme(
                        SCHEME,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.OAUTH2)
                                .flows(OASFactory.createOAuthFlows()
                                        .authorizationCode(OASFactory.createOAuthFlow()
                                                .authorizationUrl(authorization)
                                                .tokenUrl(token)
                                                .scopes(Map.of("openid", "Log in (OpenID Connect)"))))
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
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME, List.of("openid")));
    }
}
