package org.bindbackend.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * The raw settings as MicroProfile Config gives them, read by the rules every setting shares (a blank value is
 * absent, lists split at commas and white space, URLs absolute http(s)), and every problem found while reading
 * them, so that one start reports them all.
 */
final class SettingValues {

    private final Function<String, Optional<String>> source;
    private final List<SettingProblem> problems = new ArrayList<>();

    SettingValues(Function<String, Optional<String>> source) {
        this.source = source;
    }

    List<SettingProblem> problems() {
        return problems;
    }

    boolean hasProblem(Setting setting) {
        return problems.stream().anyMatch(p -> p.setting() == setting);
    }

    Optional<URI> httpUrl(Setting setting, String raw, String expected) {
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
    boolean secureOrLoopback(Setting setting, String raw, URI url) {
        if ("https".equalsIgnoreCase(url.getScheme()) || Loopback.isLoopback(url.getHost())) {
            return true;
        }
        problem(setting, quote(raw) + " uses http: the client secret and the tokens would cross the network in clear",
                "an https URL (http only for a provider on this machine: localhost, 127.0.0.1 or [::1])");
        return false;
    }

    Set<String> list(Setting setting) {
        Set<String> values = new LinkedHashSet<>();
        value(setting).ifPresent(raw -> Arrays.stream(raw.split("[,\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add));
        return Collections.unmodifiableSet(values);
    }

    boolean flag(Setting setting) {
        String raw = valueOrDefault(setting);
        if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
            problem(setting, quote(raw) + " is not a boolean", "true or false");
            return false;
        }
        return Boolean.parseBoolean(raw);
    }

    /** The setting's value; a property that overrides its key ({@link Setting#overridingKey()}) wins. */
    Optional<String> value(Setting setting) {
        return setting.overridingKey().flatMap(this::value).or(() -> value(setting.key()));
    }

    /**
     * A secret given as {@code value} or in the file {@code file} names (a mounted Kubernetes or Docker secret), not
     * both: the file's text without the white space around it (the line end {@code echo} and editors add). A file
     * that cannot be read or holds nothing is a problem of {@code file}; no problem ever shows the secret.
     *
     * @param holding what the file must hold, as a problem says it
     */
    Optional<String> secret(Setting value, Setting file, String holding) {
        Optional<String> given = value(value);
        Optional<String> path = value(file);
        if (path.isEmpty()) {
            return given;
        }
        if (given.isPresent()) {
            problem(file, "it is set together with " + value.key() + value.overridingKey().map(key -> " (or " + key
                    + ")").orElse(""), "one of the two: the file, or the value in the environment");
            return Optional.empty();
        }
        try {
            String text = Files.readString(Path.of(path.get())).strip();
            if (text.isEmpty()) {
                problem(file, quote(path.get()) + " is empty", "a file holding " + holding);
                return Optional.empty();
            }
            return Optional.of(text);
        } catch (IOException | RuntimeException e) {
            problem(file, quote(path.get()) + " cannot be read (" + e.getClass().getSimpleName() + ")",
                    "a readable file holding " + holding);
            return Optional.empty();
        }
    }

    /** For a setting whose declared default is one fixed value ({@link Setting#byDefault()}). */
    String valueOrDefault(Setting setting) {
        return value(setting).orElse(setting.byDefault());
    }

    Optional<String> value(String key) {
        return source.apply(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    void problem(Setting setting, String problem, String expected) {
        problems.add(new SettingProblem(setting, problem, expected));
    }

    static Optional<String> stripSuffix(String url, String suffix) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return trimmed.endsWith(suffix)
                ? Optional.of(trimmed.substring(0, trimmed.length() - suffix.length()))
                : Optional.empty();
    }

    static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    static String quote(String value) {
        return "\"" + value + "\"";
    }
}
