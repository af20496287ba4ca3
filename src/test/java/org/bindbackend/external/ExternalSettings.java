package org.bindbackend.external;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bindbackend.testing.KeycloakServer;

/**
 * The backend's settings for external mode against the test Keycloak, as one working configuration that each
 * failure test changes in exactly one place: that way a failing login is due to the setting under test.
 */
final class ExternalSettings {

    private final Map<String, String> settings = new LinkedHashMap<>();

    private ExternalSettings(KeycloakServer keycloak) {
        settings.put("oidc.type", "external");
        settings.put("oidc.issuer-url", keycloak.issuer().toString());
        settings.put("oidc.issuer-client-id", KeycloakServer.CLIENT_ID);
        settings.put("oidc.issuer-client-secret", KeycloakServer.CLIENT_SECRET);
        settings.put("oidc.ca-file", keycloak.caPemFile().toString());
        // Verbosity 2 logs each OpenID Connect step, so that a failed assertion shows where the login went.
        settings.put("v", "2");
    }

    /** The configuration that logs in: the realm's client, trusting Keycloak's test CA. */
    static ExternalSettings of(KeycloakServer keycloak) {
        return new ExternalSettings(keycloak);
    }

    ExternalSettings with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    ExternalSettings without(String key) {
        settings.remove(key);
        return this;
    }

    Map<String, String> map() {
        return Map.copyOf(settings);
    }
}
