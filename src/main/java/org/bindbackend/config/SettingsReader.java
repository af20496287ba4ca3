package org.bindbackend.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bindbackend.http.Loopback;
import org.bindbackend.http.Route;
import org.bindbackend.shared.RandomTokens;

/**
 * Reads the raw settings and validates them once, collecting every problem instead of stopping at the first,
 * so that one start tells an operator everything to fix.
 */
public final class SettingsReader {

    static final Duration MAX_TOKEN_EXPIRY = Duration.ofDays(1);
    static final String EMBEDDED_ISSUER_PATH = Route.EMBEDDED_PROVIDER_PATH;
    static final String CALLBACK_PATH = Route.CALLBACK_PATH;
    private static final String ISSUER_EXAMPLE =
            "the provider's issuer URL, e.g. https://keycloak.example.com/realms/main";
    /** JWS algorithms (RFC 7518 §3.1) an ID token may be signed with; {@code none} and HMAC are never accepted. */
    static final Set<String> ASYMMETRIC_ALGORITHMS = Set.of(
            "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");

    private final Function<String, Optional<String>> source;
    private final List<SettingProblem> problems = new ArrayList<>();

    private SettingsReader(Function<String, Optional<String>> source) {
        this.source = source;
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
        Optional<String> clientId = value(Setting.OIDC_ISSUER_CLIENT_ID);
        Optional<String> secret = value(Setting.OIDC_ISSUER_CLIENT_SECRET);
        boolean generated = embedded && clientId.isEmpty() && secret.isEmpty();
        checkClient(embedded, clientId, secret);

        URI callbackUrl = callbackUrl(externalUrl);
        Optional<URI> authorizeUrl = authorizeUrl(embedded);
        Optional<Path> caFile = caFile();
        Set<String> allowedUsers = list(Setting.OIDC_ALLOWED_USERS);
        Set<String> allowedGroups = list(Setting.OIDC_ALLOWED_GROUPS);
        List<String> extraScopes = List.copyOf(list(Setting.OIDC_EXTRA_SCOPES));
        Set<String> algorithms = signingAlgorithms();
        PkceMode pkce = pkce(embedded, !embedded && secret.isEmpty());
        Optional<SessionKey> signingKey = signingKey();
        boolean clustered = flag(Setting.CLUSTER);
        boolean keyProblem = problems.stream().anyMatch(p -> p.setting().key().startsWith("session"));
        if (clustered && signingKey.isEmpty() && !keyProblem) {
            problem(Setting.CLUSTER, "it is true but no session-signing-key is set, so no replica could read another's "
                    + "sessions", "session-signing-key (or session-signing-key-file) shared by every replica");
        }
        SessionSettings sessions = new SessionSettings(signingKey, tokenExpiry(), uiOrigins(),
                flag(Setting.OIDC_END_PROVIDER_SESSION), clustered);
        int verbosity = verbosity();

        if (!problems.isEmpty()) {
            return SettingsResult.invalid(problems);
        }
        return SettingsResult.valid(new Settings(
                mode, externalUrl, issuerUrl,
                clientId.orElseGet(() -> "bind-backend-" + RandomTokens.next(9)),
                new Secret(secret.orElseGet(() -> embedded ? RandomTokens.next() : "")),
                generated, callbackUrl, authorizeUrl, caFile, allowedUsers, allowedGroups, extraScopes,
                valueOrDefault(Setting.OIDC_USERNAME_CLAIM), valueOrDefault(Setting.OIDC_EMAIL_CLAIM),
                valueOrDefault(Setting.OIDC_GROUPS_CLAIM), algorithms, pkce,
                valueOrDefault(Setting.PROVIDER_PRETTY_NAME), sessions, verbosity));
    }

    /** An unknown mode is reported, and the other settings are checked as for external mode, the default. */
    private OidcMode mode() {
        String raw = valueOrDefault(Setting.OIDC_TYPE);
        return OidcMode.parse(raw).orElseGet(() -> {
            problem(Setting.OIDC_TYPE, quote(raw) + " is not a mode", "external or embedded");
            return OidcMode.EXTERNAL;
        });
    }

    /**
     * The kube-bind flags have no setting for the backend's own URL: when {@code external-url} is not set it is
     * read off the callback URL (or, in embedded mode, the issuer URL), so that the seed's flags alone suffice.
     */
    private URI externalUrl(boolean embedded) {
        String fallback = Setting.EXTERNAL_URL.byDefault();
        String raw = value(Setting.EXTERNAL_URL)
                .or(() -> value(Setting.OIDC_CALLBACK_URL).flatMap(url -> stripSuffix(url, CALLBACK_PATH)))
                .or(() -> embedded
                        ? value(Setting.OIDC_ISSUER_URL).flatMap(url -> stripSuffix(url, EMBEDDED_ISSUER_PATH))
                        : Optional.empty())
                .orElse(fallback);
        Optional<URI> url = httpUrl(Setting.EXTERNAL_URL, raw,
                "this backend's URL as browsers reach it, e.g. https://bind.example.com");
        url.filter(u -> !u.getRawPath().isEmpty() && !"/".equals(u.getRawPath())).ifPresent(u -> problem(
                Setting.EXTERNAL_URL, quote(raw) + " has a path",
                "the backend at the root of its host, e.g. https://bind.example.com"));
        return url.map(SettingsReader::withoutTrailingSlash).orElse(URI.create(fallback));
    }

    private URI embeddedIssuer(URI externalUrl) {
        URI expected = URI.create(externalUrl + EMBEDDED_ISSUER_PATH);
        Optional<String> raw = value(Setting.OIDC_ISSUER_URL);
        if (raw.isPresent()) {
            Optional<URI> given = httpUrl(Setting.OIDC_ISSUER_URL, raw.get(), expected.toString());
            if (given.isPresent() && !withoutTrailingSlash(given.get()).equals(expected)) {
                problem(Setting.OIDC_ISSUER_URL, quote(raw.get()) + " is not this backend's embedded provider",
                        expected + " (external-url followed by /oidc), or leave it unset in embedded mode");
            }
        }
        return expected;
    }

    private URI externalIssuer() {
        Optional<String> raw = value(Setting.OIDC_ISSUER_URL);
        if (raw.isEmpty()) {
            problem(Setting.OIDC_ISSUER_URL, "it is not set", ISSUER_EXAMPLE);
            return null;
        }
        return httpUrl(Setting.OIDC_ISSUER_URL, raw.get(), ISSUER_EXAMPLE)
                .filter(url -> secureOrLoopback(Setting.OIDC_ISSUER_URL, raw.get(), url))
                .map(SettingsReader::withoutTrailingSlash).orElse(null);
    }

    private void checkClient(boolean embedded, Optional<String> clientId, Optional<String> secret) {
        if (!embedded && clientId.isEmpty()) {
            problem(Setting.OIDC_ISSUER_CLIENT_ID, "it is not set",
                    "the client id registered for this backend at the provider");
        }
        if (embedded && clientId.isPresent() != secret.isPresent()) {
            Setting missing = clientId.isPresent() ? Setting.OIDC_ISSUER_CLIENT_SECRET : Setting.OIDC_ISSUER_CLIENT_ID;
            problem(missing, "it is not set while its pair is",
                    "both client id and secret, or neither (then both are generated)");
        }
    }

    /** {@code oidc.pkce}; a public client (external mode without a secret) has nothing but PKCE to prove itself. */
    private PkceMode pkce(boolean embedded, boolean publicClient) {
        Optional<String> raw = value(Setting.OIDC_PKCE);
        Optional<PkceMode> mode = raw.map(text -> PkceMode.parse(text).orElseGet(() -> {
            problem(Setting.OIDC_PKCE, quote(text) + " is not a PKCE setting", "S256, off, or auto or unset (S256 "
                    + "when the provider lists it)");
            return PkceMode.AUTO;
        }));
        if (embedded && raw.isPresent()) {
            problem(Setting.OIDC_PKCE, "it is set in embedded mode", "it unset: an embedded login never leaves this "
                    + "backend, so there is no code to intercept");
        }
        if (publicClient && mode.orElse(PkceMode.AUTO) == PkceMode.OFF) {
            problem(Setting.OIDC_PKCE, "it is off, but no client secret is set (a public client)",
                    "S256 or unset: a public client proves itself by PKCE alone (or set the client secret)");
        }
        return publicClient ? PkceMode.S256 : mode.orElse(PkceMode.AUTO);
    }

    private URI callbackUrl(URI externalUrl) {
        URI expected = URI.create(externalUrl + CALLBACK_PATH);
        Optional<String> raw = value(Setting.OIDC_CALLBACK_URL);
        if (raw.isEmpty()) {
            return expected;
        }
        Optional<URI> given = httpUrl(Setting.OIDC_CALLBACK_URL, raw.get(), expected.toString());
        if (given.isPresent() && !given.get().equals(expected)) {
            problem(Setting.OIDC_CALLBACK_URL, quote(raw.get()) + " is not this backend's callback",
                    expected + " (external-url followed by " + CALLBACK_PATH + ")");
        }
        return expected;
    }

    private Optional<URI> authorizeUrl(boolean embedded) {
        Optional<String> raw = value(Setting.OIDC_AUTHORIZE_URL);
        if (raw.isPresent() && embedded) {
            problem(Setting.OIDC_AUTHORIZE_URL, "it is set in embedded mode",
                    "it unset: the embedded provider has its own endpoint");
            return Optional.empty();
        }
        return raw.flatMap(url -> httpUrl(Setting.OIDC_AUTHORIZE_URL, url, "the provider's authorization endpoint")
                .filter(uri -> secureOrLoopback(Setting.OIDC_AUTHORIZE_URL, url, uri)));
    }

    private Optional<Path> caFile() {
        Optional<String> raw = value(Setting.OIDC_CA_FILE);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(raw.get());
        try {
            if (!Files.readString(path).contains("-----BEGIN CERTIFICATE-----")) {
                problem(Setting.OIDC_CA_FILE, quote(raw.get()) + " holds no PEM certificate",
                        "a PEM file of CA certificates");
            }
        } catch (IOException | RuntimeException e) {
            problem(Setting.OIDC_CA_FILE, quote(raw.get()) + " cannot be read (" + e.getClass().getSimpleName() + ")",
                    "a readable PEM file of CA certificates");
        }
        return Optional.of(path);
    }

    private Set<String> signingAlgorithms() {
        Set<String> algorithms = list(Setting.OIDC_SIGNING_ALGORITHMS);
        if (algorithms.isEmpty()) {
            return Set.of(Setting.OIDC_SIGNING_ALGORITHMS.byDefault());
        }
        for (String algorithm : algorithms) {
            if (!ASYMMETRIC_ALGORITHMS.contains(algorithm)) {
                problem(Setting.OIDC_SIGNING_ALGORITHMS, quote(algorithm) + " is not an accepted signature algorithm",
                        "a list of " + String.join(", ", ASYMMETRIC_ALGORITHMS.stream().sorted().toList())
                                + " (none and HMAC are never accepted)");
            }
        }
        return algorithms;
    }

    private Optional<SessionKey> signingKey() {
        Optional<String> inline = value(Setting.SESSION_SIGNING_KEY);
        Optional<String> file = value(Setting.SESSION_SIGNING_KEY_FILE);
        if (inline.isPresent() && file.isPresent()) {
            problem(Setting.SESSION_SIGNING_KEY_FILE, "it is set together with session-signing-key", "one of the two");
            return Optional.empty();
        }
        Optional<String> key = inline;
        if (file.isPresent()) {
            try {
                key = Optional.of(Files.readString(Path.of(file.get())));
            } catch (IOException | RuntimeException e) {
                problem(Setting.SESSION_SIGNING_KEY_FILE, quote(file.get()) + " cannot be read ("
                        + e.getClass().getSimpleName() + ")", "a readable file holding the key shared by all replicas");
                return Optional.empty();
            }
        }
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<SessionKey> parsed = SessionKey.parse(key.get());
        if (parsed.isEmpty()) {
            // Never the value: it is a secret, or meant to be.
            problem(file.isPresent() ? Setting.SESSION_SIGNING_KEY_FILE : Setting.SESSION_SIGNING_KEY,
                    "the key is not at least " + SessionKey.MIN_BYTES + " random bytes in hex or base64 (a typed "
                            + "passphrase is not a key)", "a key made with: " + SessionKey.HOW_TO_MAKE);
        }
        return parsed;
    }

    private Set<URI> uiOrigins() {
        Set<URI> origins = new LinkedHashSet<>();
        for (String raw : list(Setting.UI_ALLOWED_ORIGINS)) {
            httpUrl(Setting.UI_ALLOWED_ORIGINS, raw, "origins such as https://ui.example.com").ifPresent(uri -> {
                if (!uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath())) {
                    problem(Setting.UI_ALLOWED_ORIGINS, quote(raw) + " has a path",
                            "origins such as https://ui.example.com");
                } else {
                    origins.add(URI.create(uri.getScheme() + "://" + uri.getRawAuthority()));
                }
            });
        }
        return Collections.unmodifiableSet(origins);
    }

    private boolean flag(Setting setting) {
        String raw = valueOrDefault(setting);
        if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
            problem(setting, quote(raw) + " is not a boolean", "true or false");
            return false;
        }
        return Boolean.parseBoolean(raw);
    }

    private Duration tokenExpiry() {
        String raw = valueOrDefault(Setting.TOKEN_EXPIRY);
        Optional<Duration> parsed = Durations.parse(raw).filter(d -> !d.isZero() && d.compareTo(MAX_TOKEN_EXPIRY) <= 0);
        if (parsed.isEmpty()) {
            problem(Setting.TOKEN_EXPIRY, quote(raw) + " is not a duration between 1s and 24h",
                    "e.g. 1h, 30m or 1h30m");
            return Duration.ZERO;
        }
        return parsed.get();
    }

    private int verbosity() {
        String raw = valueOrDefault(Setting.VERBOSITY);
        try {
            int level = Integer.parseInt(raw);
            if (level >= 0 && level <= 10) {
                return level;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(Setting.VERBOSITY, quote(raw) + " is not a level",
                "a whole number from 0 to 10 (2 logs each OIDC step)");
        return 0;
    }

    private Optional<URI> httpUrl(Setting setting, String raw, String expected) {
        try {
            URI uri = new URI(raw.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                problem(setting, quote(raw) + " is not an absolute http or https URL", expected);
                return Optional.empty();
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problem(setting, quote(raw) + " has a query, fragment or user info", expected);
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            problem(setting, quote(raw) + " is not a URL (" + e.getReason() + ")", expected);
            return Optional.empty();
        }
    }

    /**
     * In external mode, the provider is reached over https: over http, the client secret, the codes and the tokens
     * would cross the network in clear (RFC 6749 §3.1, §3.2 require TLS). A provider on this machine is the
     * exception.
     */
    private boolean secureOrLoopback(Setting setting, String raw, URI url) {
        if ("https".equalsIgnoreCase(url.getScheme()) || Loopback.isLoopback(url.getHost())) {
            return true;
        }
        problem(setting, quote(raw) + " uses http: the client secret and the tokens would cross the network in clear",
                "an https URL (http only for a provider on this machine: localhost, 127.0.0.1 or [::1])");
        return false;
    }

    private Set<String> list(Setting setting) {
        Set<String> values = new LinkedHashSet<>();
        value(setting).ifPresent(raw -> Arrays.stream(raw.split("[,\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add));
        return Collections.unmodifiableSet(values);
    }

    /** The setting's value; a property that overrides its key ({@link Setting#overridingKey()}) wins. */
    private Optional<String> value(Setting setting) {
        return setting.overridingKey().flatMap(this::value).or(() -> value(setting.key()));
    }

    /** For a setting whose declared default is one fixed value ({@link Setting#byDefault()}). */
    private String valueOrDefault(Setting setting) {
        return value(setting).orElse(setting.byDefault());
    }

    private Optional<String> value(String key) {
        return source.apply(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    private void problem(Setting setting, String problem, String expected) {
        problems.add(new SettingProblem(setting, problem, expected));
    }

    private static Optional<String> stripSuffix(String url, String suffix) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return trimmed.endsWith(suffix)
                ? Optional.of(trimmed.substring(0, trimmed.length() - suffix.length()))
                : Optional.empty();
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    private static String quote(String value) {
        return "\"" + value + "\"";
    }

}
