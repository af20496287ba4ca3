package org.bindbackend.config;

import static org.bindbackend.config.Setting.LauncherFlag.NONE;
import static org.bindbackend.config.Setting.LauncherFlag.PROPERTY;
import static org.bindbackend.config.Setting.LauncherFlag.REFUSED;

import java.util.Locale;
import java.util.Optional;

/**
 * Every setting the backend reads, named after the kube-bind backend's flags, each declared once: its key, what
 * the launcher does with it, its default and what it is for. Everything else is derived from the declaration or
 * checked against it: {@link SettingsReader} reads it and applies its default, and {@code SettingsDeclarationTest}
 * fails, naming the setting and the file, until README.md's and docs/configuration.md's tables, the launcher
 * ({@code docker/bind-backend}) and Liberty's {@code server.xml} (a {@code <variable>} for every setting) list it.
 *
 * <p>A setting's key is its MicroProfile Config property name ({@code oidc.issuer-url}); the same value can come
 * from the flag {@code --oidc-issuer-url} (through the launcher), the environment variable {@code OIDC_ISSUER_URL}
 * (MicroProfile Config 3.1, section "Environment Variables Mapping Rules": a key not found as it is is looked up
 * with every character other than a letter or digit replaced by {@code _}, then also in upper case), a system
 * property or the server's own configuration.
 */
public enum Setting {
    OIDC_TYPE("oidc.type", PROPERTY, "external", "where users log in: external, or embedded (development only)"),
    OIDC_ISSUER_URL("oidc.issuer-url", PROPERTY, "required in external mode; <external-url>/oidc in embedded mode",
            "the OpenID Provider's issuer, https unless on this machine"),
    OIDC_ISSUER_CLIENT_ID("oidc.issuer-client-id", PROPERTY, "required in external mode; generated in embedded mode",
            "this backend's client id at the provider"),
    /** A secret: from the environment or a file ({@link #OIDC_ISSUER_CLIENT_SECRET_FILE}), never a flag. */
    OIDC_ISSUER_CLIENT_SECRET("oidc.issuer-client-secret", REFUSED,
            "none in external mode (a public client, by PKCE alone); generated in embedded mode",
            "this backend's client secret at the provider; never logged", "OIDC_CLIENT_SECRET"),
    OIDC_ISSUER_CLIENT_SECRET_FILE("oidc.issuer-client-secret-file", PROPERTY, "no file",
            "a file holding oidc.issuer-client-secret, such as a mounted secret"),
    OIDC_CALLBACK_URL("oidc.callback-url", PROPERTY, "<external-url>/api/callback",
            "the redirect URI registered at the provider; it can only repeat the default"),
    OIDC_AUTHORIZE_URL("oidc.authorize-url", PROPERTY, "the provider's, from its discovery document",
            "external mode only: overrides the provider's authorization endpoint"),
    OIDC_CA_FILE("oidc.ca-file", PROPERTY, "the server's CAs only",
            "a PEM file of CA certificates trusted, besides the server's, for the calls to the provider"),
    OIDC_ALLOWED_USERS("oidc.allowed-users", PROPERTY, "anyone who can log in",
            "who may use the backend: a list of subjects or user names"),
    OIDC_ALLOWED_GROUPS("oidc.allowed-groups", PROPERTY, "anyone who can log in",
            "who may use the backend: a list of groups"),
    OIDC_EXTRA_SCOPES("oidc.extra-scopes", PROPERTY, "no scope besides those",
            "scopes requested besides openid profile email"),
    OIDC_USERNAME_CLAIM("oidc.username-claim", PROPERTY, "preferred_username",
            "the ID token claim that names the user; a token without it is refused"),
    OIDC_EMAIL_CLAIM("oidc.email-claim", PROPERTY, "email",
            "the ID token claim with the user's email, shown but never used to decide access"),
    OIDC_GROUPS_CLAIM("oidc.groups-claim", PROPERTY, "groups", "the ID token claim with the user's groups"),
    OIDC_SIGNING_ALGORITHMS("oidc.signing-algorithms", PROPERTY, "RS256",
            "the JWS algorithms accepted on ID tokens, asymmetric ones only"),
    OIDC_END_PROVIDER_SESSION("oidc.end-provider-session", PROPERTY, "false",
            "whether logout also ends the session at the provider"),
    OIDC_PKCE("oidc.pkce", PROPERTY, "S256 when the provider's discovery lists it, always for a public client",
            "external mode only: S256 sends a PKCE challenge on every login, off never"),
    EXTERNAL_URL("external-url", PROPERTY, "http://localhost:8080",
            "this backend's URL as browsers reach it; unset, it is read off oidc.callback-url (embedded mode: or "
                    + "oidc.issuer-url) before the default applies"),
    PROVIDER_PRETTY_NAME("provider-pretty-name", PROPERTY, "bind-backend", "the name kubectl bind shows"),
    UI_ALLOWED_ORIGINS("ui-allowed-origins", PROPERTY, "this backend's own origin only",
            "origins a client_type=ui login may return to, besides this backend"),
    /** A secret, as the client secret is: from the environment or {@link #SESSION_SIGNING_KEY_FILE}. */
    SESSION_SIGNING_KEY("session-signing-key", REFUSED, "a key made at start, valid on this replica only",
            "at least 32 random bytes in hex or base64 that sign sessions and CLI tokens, shared by all replicas"),
    SESSION_SIGNING_KEY_FILE("session-signing-key-file", PROPERTY, "no file",
            "a file holding session-signing-key"),
    /** Keys, like the signing key: from the environment or {@link #SESSION_ACCEPTED_KEYS_FILE}. */
    SESSION_ACCEPTED_KEYS("session-accepted-keys", REFUSED, "none",
            "keys whose sessions, tokens and login cookies are accepted but never signed: the previous or the next "
                    + "key of a rotation"),
    SESSION_ACCEPTED_KEYS_FILE("session-accepted-keys-file", PROPERTY, "no file",
            "a file holding session-accepted-keys"),
    REVOCATIONS_FILE("revocations-file", PROPERTY, "none: ended sessions are kept in memory (and in the data grid "
            + "with cluster)", "a file where ended sessions are kept across restarts"),
    TOKEN_EXPIRY("token-expiry", PROPERTY, "1h", "the lifetime of sessions and CLI tokens, 1s to 24h"),
    /** The launcher's {@code --cluster=MODE} is not this boolean: it joins Payara Micro's data grid, then sets it. */
    CLUSTER("cluster", NONE, "false",
            "whether each logout is shared with every replica through the server's data grid (JCache)"),
    VERBOSITY("v", PROPERTY, "0", "log verbosity from 0 to 10; 2 logs each OIDC step");

    /** What the launcher ({@code docker/bind-backend}) does with a setting's flag ({@link #flag()}). */
    public enum LauncherFlag {
        /** Passes it through as the system property of the setting's key: {@code --v=2} becomes {@code -Dv=2}. */
        PROPERTY,
        /**
         * Refuses its flag with one line naming the setting's file ({@code <key>-file}) and environment variable: a
         * secret's value on a command line is in the process list of every process that keeps it, the container's
         * PID 1 ({@code tini}) for the container's life, the launcher's own exec aside.
         */
        REFUSED,
        /** Offers no flag for the setting; a launcher flag of that name, if any, means something else. */
        NONE
    }

    private final String key;
    private final LauncherFlag launcherFlag;
    private final String byDefault;
    private final String summary;
    private final Optional<String> overridingKey;

    Setting(String key, LauncherFlag launcherFlag, String byDefault, String summary) {
        this(key, launcherFlag, byDefault, summary, null);
    }

    Setting(String key, LauncherFlag launcherFlag, String byDefault, String summary, String overridingKey) {
        this.key = key;
        this.launcherFlag = launcherFlag;
        this.byDefault = byDefault;
        this.summary = summary;
        this.overridingKey = Optional.ofNullable(overridingKey);
    }

    public String key() {
        return key;
    }

    /** The kube-bind flag of the same name; log lines name it for every setting, whether the launcher has it or not. */
    public String flag() {
        return "--" + key.replace('.', '-');
    }

    public String envVar() {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    public LauncherFlag launcherFlag() {
        return launcherFlag;
    }

    /**
     * What applies when the setting is unset, as the documentation says it. When that is one fixed value, it is the
     * value itself, which {@link SettingsReader} applies; when the default depends on other settings, it says how.
     */
    public String byDefault() {
        return byDefault;
    }

    /** What the setting is for, in one line. */
    public String summary() {
        return summary;
    }

    /**
     * A property looked up before the key, and winning over it from every source: {@code OIDC_CLIENT_SECRET}, the
     * kube-bind backend's name for the client secret in the environment.
     */
    public Optional<String> overridingKey() {
        return overridingKey;
    }

    /** How a log line names the setting, so that a reader finds it whatever source they use. */
    public String describe() {
        return key + " (flag " + flag() + ", env " + envVar() + ")";
    }
}
