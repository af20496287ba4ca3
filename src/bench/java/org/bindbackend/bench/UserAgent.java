package org.bindbackend.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser for one login: a cookie jar of its own on the benchmark's shared {@link HttpClient}, so that each
 * login starts as a new user agent without paying for a new client. Cookies are kept by name only, as a browser
 * keeps them for one host whatever the port (every server here is 127.0.0.1), and also those marked
 * {@code Secure} on plain http.
 */
final class UserAgent {

    private static final Pattern FORM = Pattern.compile("<form([^>]*)>(.*?)</form>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)=\"([^\"]*)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    UserAgent(HttpClient http) {
        this.http = http;
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/html,*/*");
        return http.send(withCookies(request).GET().build(), keepingCookies());
    }

    /**
     * Fills the page's first form as a person would: its hidden fields kept, {@code fields} added; posts it to its
     * action (or to the page itself).
     */
    HttpResponse<String> submitForm(HttpResponse<String> page, Map<String, String> fields)
            throws IOException, InterruptedException {
        Matcher form = FORM.matcher(page.body());
        if (!form.find()) {
            throw new IllegalStateException("No form at " + page.uri() + ": " + abbreviate(page.body()));
        }
        String action = attributes(form.group(1)).get("action");
        Map<String, String> values = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form.group(2));
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group(1));
            if ("hidden".equalsIgnoreCase(attributes.get("type")) && attributes.containsKey("name")) {
                values.put(attributes.get("name"), attributes.getOrDefault("value", ""));
            }
        }
        values.putAll(fields);
        URI target = action == null || action.isEmpty() ? page.uri() : page.uri().resolve(action);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html");
        return http.send(withCookies(request).POST(HttpRequest.BodyPublishers.ofString(form(values))).build(),
                keepingCookies());
    }

    /** Whether the jar holds a cookie {@code name}. */
    boolean hasCookie(String name) {
        return cookies.containsKey(name);
    }

    static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() >= 300 && response.statusCode() < 400;
    }

    static URI location(HttpResponse<?> response) {
        return response.uri().resolve(response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("A redirect without Location from " + response.uri())));
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** A body handler that first keeps the response's cookies. */
    private HttpResponse.BodyHandler<String> keepingCookies() {
        return info -> {
            for (String setCookie : info.headers().allValues("Set-Cookie")) {
                String[] nameValue = setCookie.split(";")[0].split("=", 2);
                String name = nameValue[0].trim();
                String value = nameValue.length > 1 ? nameValue[1].trim() : "";
                if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        };
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
            attributes.put(attribute.group(1).toLowerCase(), unescape(attribute.group(2)));
        }
        return attributes;
    }

    /** {@code application/x-www-form-urlencoded}, as forms and HTTP Basic client credentials (RFC 6749 §2.3.1). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
