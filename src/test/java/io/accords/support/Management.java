package io.accords.support;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** Requests to the management interface (health, metrics), which listens on its own port. */
public final class Management {

    private Management() {}

    /** The management port of the application under test: Quarkus' test default unless configured. */
    public static int port() {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.management.test-port", Integer.class)
                .orElse(9001);
    }

    public static RequestSpecification given() {
        return io.restassured.RestAssured.given().port(port()).header(Tokens.NONE);
    }
}
