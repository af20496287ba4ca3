package org.bindbackend.config;

import static org.bindbackend.config.SettingValues.quote;
import static org.bindbackend.config.SettingValues.stripSuffix;
import static org.bindbackend.config.SettingValues.withoutTrailingSlash;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bindbackend.http.Route;
import org.bindbackend.shared.RandomTokens;

/**
 * Reads the raw settings and validates them once, collecting every problem instead of stopping at the first,
 * so that one start tells an operator everything to fix.
 */
public final class SettingsReader {

    static final String EMBEDDED_ISSUER_PATH = Route.EMBEDDED_PROVIDER_PATH;
    static final String CALLBACK_PATH = Route.CALLBACK_PATH;
    private static final String ISSUER_EXAMPLE =
            "the provider's issuer URL, e.g. https://keycloak.example.com/realms/main";
    /** JWS algorithms (RFC 7518 §3.1) an ID token may be signed with; {@code none} and HMAC are never accepted. */
    static final Set<String> ASYMMETRIC_ALGORITHMS = Set.of(
            "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");

    private final SettingValues values;

    private SettingsReader(Function<String, Optional<String>> source) {
        this.values = new SettingValues(source);
    }

    /**
     * @param source looks a key up in MicroProfile Config (or, in tests, a map); blank values count as absent
     */
    public static SettingsResult read(Function<String, Optional<String>> source) {
        return new SettingsReader(source).read();
    }

    private SettingsResult read() {
        OidcMode mode = mode();
        boolean embedded = mode == OidcMode.EMBEDDED;
        URI externalUrl = externalUrl(embedded);

        URI issuerUrl = embedded ? embeddedIssuer(externalUrl) : externalIssuer();
        Optional<String> clientId = values.value(Setting.OIDC_ISSUER_CLIENT_ID);
        Optional<String> secret = values.secret(Setting.OIDC_ISSUER_CLIENT_SECRET,
                Setting.OIDC_ISSUER_CLIENT_SECRET_FILE, "the client secret registered at the provider");
        boolean generated = embedded && clientId.isEmpty() && secret.isEmpty();
        checkClient(embedded, clientId, secret);

        URI callbackUrl = callbackUrl(externalUrl);
        Optional<URI> authorizeUrl = authorizeUrl(embedded);
        Optional<Path> caFile = caFile();
        Set<String> allowedUsers = values.list(Setting.OIDC_ALLOWED_USERS);
        Set<String> allowedGroups = values.list(Setting.OIDC_ALLOWED_GROUPS);
        List<String> extraScopes = List.copyOf(values.list(Setting.OIDC_EXTRA_SCOPES));
        Set<String> algorithms = signingAlgorithms();
        PkceMode pkce = pkce(embedded, !embedded && secret.isEmpty());
        SessionSettings sessions = new SessionSettingsReader(values).read();
        int verbosity = verbosity();

        // Built even when some settings are invalid: a re-read while running takes the valid ones it may change.
        return SettingsResult.of(new Settings(
                mode, externalUrl, issuerUrl,
                clientId.orElseGet(() -> "bind-backend-" + RandomTokens.next(9)),
                new Secret(secret.orElseGet(() -> embedded ? RandomTokens.next() : "")),
                generated, callbackUrl, authorizeUrl, caFile, allowedUsers, allowedGroups, extraScopes,
                values.valueOrDefault(Setting.OIDC_USERNAME_CLAIM), values.valueOrDefault(Setting.OIDC_EMAIL_CLAIM),
                values.valueOrDefault(Setting.OIDC_GROUPS_CLAIM), algorithms, pkce,
                values.valueOrDefault(Setting.PROVIDER_PRETTY_NAME), sessions, verbosity), values.problems());
    }

    /** An unknown mode is reported, and the other settings are checked as for external mode, the default. */
    private OidcMode mode() {
        String raw = values.valueOrDefault(Setting.OIDC_TYPE);
        return OidcMode.parse(raw).orElseGet(() -> {
            values.problem(Setting.OIDC_TYPE, quote(raw) + " is not a mode", "external or embedded");
            return OidcMode.EXTERNAL;
        });
    }

    /**
     * The kube-bind flags have no setting for the backend's own URL: when {@code external-url} is not set it is
     * read off the callback URL (or, in embedded mode, the issuer URL), so that the seed's flags alone suffice.
     */
    private URI externalUrl(boolean embedded) {
        String fallback = Setting.EXTERNAL_URL.byDefault();
        String raw = values.value(Setting.EXTERNAL_URL)
                .or(() -> values.value(Setting.OIDC_CALLBACK_URL).flatMap(url -> stripSuffix(url, CALLBACK_PATH)))
                .or(() -> embedded
                        ? values.value(Setting.OIDC_ISSUER_URL).flatMap(url -> stripSuffix(url, EMBEDDED_ISSUER_PATH))
                        : Optional.empty())
                .orElse(fallback);
        Optional<URI> url = values.httpUrl(Setting.EXTERNAL_URL, raw,
                "this backend's URL as browsers reach it, e.g. https://bind.example.com");
        url.filter(u -> !u.getRawPath().isEmpty() && !"/".equals(u.getRawPath())).ifPresent(u -> values.problem(
                Setting.EXTERNAL_URL, quote(raw) + " has a path",
                "the backend at the root of its host, e.g. https://bind.example.com"));
        return url.map(SettingValues::withoutTrailingSlash).orElse(URI.create(fallback));
    }

    private URI embeddedIssuer(URI externalUrl) {
        URI expected = URI.create(externalUrl + EMBEDDED_ISSUER_PATH);
        Optional<String> raw = values.value(Setting.OIDC_ISSUER_URL);
        if (raw.isPresent()) {
            Optional<URI> given = values.httpUrl(Setting.OIDC_ISSUER_URL, raw.get(), expected.toString());
            if (given.isPresent() && !withoutTrailingSlash(given.get()).equals(expected)) {
                values.problem(Setting.OIDC_ISSUER_URL, quote(raw.get()) + " is not this backend's embedded provider",
                        expected + " (external-url followed by /oidc), or leave it unset in embedded mode");
            }
        }
        return expected;
    }

    private URI externalIssuer() {
        Optional<String> raw = values.value(Setting.OIDC_ISSUER_URL);
        if (raw.isEmpty()) {
            values.problem(Setting.OIDC_ISSUER_URL, "it is not set", ISSUER_EXAMPLE);
            return null;
        }
        return values.httpUrl(Setting.OIDC_ISSUER_URL, raw.get(), ISSUER_EXAMPLE)
                .filter(url -> values.secureOrLoopback(Setting.OIDC_ISSUER_URL, raw.get(), url))
                .map(SettingValues::withoutTrailingSlash).orElse(null);
    }

    private void checkClient(boolean embedded, Optional<String> clientId, Optional<String> secret) {
        if (!embedded && clientId.isEmpty()) {
            values.problem(Setting.OIDC_ISSUER_CLIENT_ID, "it is not set",
                    "the client id registered for this backend at the provider");
        }
        if (embedded && clientId.isPresent() != secret.isPresent()) {
            Setting missing = clientId.isPresent() ? Setting.OIDC_ISSUER_CLIENT_SECRET : Setting.OIDC_ISSUER_CLIENT_ID;
            values.problem(missing, "it is not set while its pair is",
                    "both client id and secret, or neither (then both are generated)");
        }
    }

    /** {@code oidc.pkce}; a public client (external mode without a secret) has nothing but PKCE to prove itself. */
    private PkceMode pkce(boolean embedded, boolean publicClient) {
        Optional<String> raw = values.value(Setting.OIDC_PKCE);
        Optional<PkceMode> mode = raw.map(text -> PkceMode.parse(text).orElseGet(() -> {
            values.problem(Setting.OIDC_PKCE, quote(text) + " is not a PKCE setting",
                    "S256, off, or auto or unset (S256 when the provider lists it)");
            return PkceMode.AUTO;
        }));
        if (embedded && raw.isPresent()) {
            values.problem(Setting.OIDC_PKCE, "it is set in embedded mode",
                    "it unset: an embedded login never leaves this backend, so there is no code to intercept");
        }
        if (publicClient && mode.orElse(PkceMode.AUTO) == PkceMode.OFF) {
            values.problem(Setting.OIDC_PKCE, "it is off, but no client secret is set (a public client)",
                    "S256 or unset: a public client proves itself by PKCE alone (or set the client secret)");
        }
        return publicClient ? PkceMode.S256 : mode.orElse(PkceMode.AUTO);
    }

    private URI callbackUrl(URI externalUrl) {
        URI expected = URI.create(externalUrl + CALLBACK_PATH);
        Optional<String> raw = values.value(Setting.OIDC_CALLBACK_URL);
        if (raw.isEmpty()) {
            return expected;
        }
        Optional<URI> given = values.httpUrl(Setting.OIDC_CALLBACK_URL, raw.get(), expected.toString());
        if (given.isPresent() && !given.get().equals(expected)) {
            values.problem(Setting.OIDC_CALLBACK_URL, quote(raw.get()) + " is not this backend's callback",
                    expected + " (external-url followed by " + CALLBACK_PATH + ")");
        }
        return expected;
    }

    private Optional<URI> authorizeUrl(boolean embedded) {
        Optional<String> raw = values.value(Setting.OIDC_AUTHORIZE_URL);
        if (raw.isPresent() && embedded) {
            values.problem(Setting.OIDC_AUTHORIZE_URL, "it is set in embedded mode",
                    "it unset: the embedded provider has its own endpoint");
            return Optional.empty();
        }
        return raw.flatMap(url -> values.httpUrl(Setting.OIDC_AUTHORIZE_URL, url,
                        "the provider's authorization endpoint")
                .filter(uri -> values.secureOrLoopback(Setting.OIDC_AUTHORIZE_URL, url, uri)));
    }

    private Optional<Path> caFile() {
        Optional<String> raw = values.value(Setting.OIDC_CA_FILE);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(raw.get());
        try {
            if (!Files.readString(path).contains("-----BEGIN CERTIFICATE-----")) {
                values.problem(Setting.OIDC_CA_FILE, quote(raw.get()) + " holds no PEM certificate",
                        "a PEM file of CA certificates");
            }
        } catch (IOException | RuntimeException e) {
            values.problem(Setting.OIDC_CA_FILE,
                    quote(raw.get()) + " cannot be read (" + e.getClass().getSimpleName() + ")",
                    "a readable PEM file of CA certificates");
        }
        return Optional.of(path);
    }

    private Set<String> signingAlgorithms() {
        Set<String> algorithms = values.list(Setting.OIDC_SIGNING_ALGORITHMS);
        if (algorithms.isEmpty()) {
            return Set.of(Setting.OIDC_SIGNING_ALGORITHMS.byDefault());
        }
        for (String algorithm : algorithms) {
            if (!ASYMMETRIC_ALGORITHMS.contains(algorithm)) {
                values.problem(Setting.OIDC_SIGNING_ALGORITHMS,
                        quote(algorithm) + " is not an accepted signature algorithm",
                        "a list of " + String.join(", ", ASYMMETRIC_ALGORITHMS.stream().sorted().toList())
                                + " (none and HMAC are never accepted)");
            }
        }
        return algorithms;
    }

    private int verbosity() {
        String raw = values.valueOrDefault(Setting.VERBOSITY);
        try {
            int level = Integer.parseInt(raw);
            if (level >= 0 && level <= 10) {
                return level;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        values.problem(Setting.VERBOSITY, quote(raw) + " is not a level",
                "a whole number from 0 to 10 (2 logs each OIDC step)");
        return 0;
    }
}
