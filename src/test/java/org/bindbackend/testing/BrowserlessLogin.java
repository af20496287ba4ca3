package org.bindbackend.testing;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * A browser without a browser: {@link HttpClient} with a cookie jar, following redirects by hand so that a test
 * sees every hop, and able to fill and post a login form the way a user would.
 */
public final class BrowserlessLogin {

    private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** What Chromium sends for a navigation. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    /**
     * The jar as browsers use it: they send Secure cookies to http://localhost and loopback addresses too (a
     * "potentially trustworthy origin", W3C Secure Contexts §3.2), where Java's CookieManager sends them over https
     * only.
     */
    private final CookieHandler jar = new CookieHandler() {
        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return cookies.get(trustworthy(uri), headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            cookies.put(trustworthy(uri), headers);
        }

        private URI trustworthy(URI uri) {
            boolean loopback = uri.getHost() != null && (uri.getHost().equals("localhost")
                    || uri.getHost().startsWith("127.") || uri.getHost().equals("[::1]"));
            return loopback && "http".equals(uri.getScheme()) ? URI.create("https" + uri.toString().substring(4)) : uri;
        }
    };
    private final HttpClient client;

    public BrowserlessLogin() {
        this(null);
    }

    public BrowserlessLogin(SSLContext ssl) {
        HttpClient.Builder builder = HttpClient.newBuilder().cookieHandler(jar).followRedirects(HttpClient.Redirect.NEVER);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        client = builder.build();
    }

    public HttpClient client() {
        return client;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).header("Accept", BROWSER_ACCEPT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GETs and follows redirects until a page that is not a redirect, or a redirect outside {@code stopAt}. */
    public HttpResponse<String> follow(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = get(uri);
        for (int hops = 0; isRedirect(response) && hops < 20; hops++) {
            response = get(location(response));
        }
        return response;
    }

    /**
     * GETs {@code uri} and follows its redirects until one leads to {@code path}; returns that redirect's target
     * without requesting it (e.g. the authorization request a login sends the browser to).
     */
    public URI redirectTo(URI uri, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(uri);
        for (int hops = 0; isRedirect(response) && hops < 20; hops++) {
            URI next = location(response);
            if (next.getPath().equals(path)) {
                return next;
            }
            response = get(next);
        }
        throw new AssertionError("No redirect to " + path + " from " + uri + ": ended at " + response.uri() + " ("
                + response.statusCode() + ")");
    }

    /** Fills the first form of the page with the given fields (keeping its hidden ones) and posts it. */
    public HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> fields)
            throws IOException, InterruptedException {
        Matcher form = FORM.matcher(page.body());
        if (!form.find()) {
            throw new AssertionError("No form on " + page.uri() + ":\n" + page.body());
        }
        Map<String, String> values = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form.group(2));
        while (input.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(input.group(1));
            while (attribute.find()) {
                attributes.put(attribute.group(1).toLowerCase(), unescape(attribute.group(2)));
            }
            if ("hidden".equals(attributes.get("type")) && attributes.containsKey("name")) {
                values.put(attributes.get("name"), attributes.getOrDefault("value", ""));
            }
        }
        values.putAll(fields);
        String body = values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        URI action = page.uri().resolve(unescape(form.group(1)));
        return client.send(HttpRequest.newBuilder(action)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", BROWSER_ACCEPT)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() >= 300 && response.statusCode() < 400;
    }

    public static URI location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("A redirect without Location from " + response.uri()));
        return response.uri().resolve(location);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
