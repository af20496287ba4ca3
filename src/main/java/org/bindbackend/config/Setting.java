package org.bindbackend.config;

import java.util.Locale;

/**
 * Every setting the backend reads, named after the kube-bind backend's flags.
 *
 * <p>A setting's key is its MicroProfile Config property name ({@code oidc.issuer-url}); the same
 * value can come from the flag {@code --oidc-issuer-url} (through the launcher), the environment
 * variable {@code OIDC_ISSUER_URL} (MicroProfile Config 3.1, section "Environment Variables Mapping
 * Rules"), a system property or the server's own configuration.
 */
public enum Setting {
    OIDC_TYPE("oidc.type"),
    OIDC_ISSUER_URL("oidc.issuer-url"),
    OIDC_ISSUER_CLIENT_ID("oidc.issuer-client-id"),
    OIDC_ISSUER_CLIENT_SECRET("oidc.issuer-client-secret"),
    OIDC_CALLBACK_URL("oidc.callback-url"),
    OIDC_AUTHORIZE_URL("oidc.authorize-url"),
    OIDC_CA_FILE("oidc.ca-file"),
    OIDC_ALLOWED_USERS("oidc.allowed-users"),
    OIDC_ALLOWED_GROUPS("oidc.allowed-groups"),
    OIDC_EXTRA_SCOPES("oidc.extra-scopes"),
    OIDC_USERNAME_CLAIM("oidc.username-claim"),
    OIDC_EMAIL_CLAIM("oidc.email-claim"),
    OIDC_GROUPS_CLAIM("oidc.groups-claim"),
    OIDC_SIGNING_ALGORITHMS("oidc.signing-algorithms"),
    OIDC_END_PROVIDER_SESSION("oidc.end-provider-session"),
    OIDC_PKCE("oidc.pkce"),
    EXTERNAL_URL("external-url"),
    PROVIDER_PRETTY_NAME("provider-pretty-name"),
    UI_ALLOWED_ORIGINS("ui-allowed-origins"),
    SESSION_SIGNING_KEY("session-signing-key"),
    SESSION_SIGNING_KEY_FILE("session-signing-key-file"),
    TOKEN_EXPIRY("token-expiry"),
    CLUSTER("cluster"),
    VERBOSITY("v");

    /** The kube-bind name for the client secret in the environment; it wins over every other source. */
    public static final String CLIENT_SECRET_ENV = "OIDC_CLIENT_SECRET";

    private final String key;

    Setting(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public String flag() {
        return "--" + key.replace('.', '-');
    }

    public String envVar() {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** How a log line names the setting, so that a reader finds it whatever source they use. */
    public String describe() {
        return key + " (flag " + flag() + ", env " + envVar() + ")";
    }
}
