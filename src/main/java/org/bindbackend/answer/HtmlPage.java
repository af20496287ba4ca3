package org.bindbackend.answer;

import static org.bindbackend.text.HtmlText.escape;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/** The one layout of the backend's few HTML pages (not the embedded provider's); everything interpolated is escaped. */
public final class HtmlPage {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f5f6f8;color:#1d2330;margin:0}
            main{max-width:34rem;margin:4rem auto;background:#fff;border-radius:10px;padding:2rem 2.25rem;
                 box-shadow:0 1px 3px rgba(0,0,0,.12)}
            h1{font-size:1.35rem;margin:0 0 1.25rem}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem;margin:0 0 1.5rem}
            dt{color:#5b6475}dd{margin:0;word-break:break-all}
            .button{display:inline-block;background:#2456d3;color:#fff;border:0;border-radius:6px;padding:.6rem 1.1rem;
                    font-size:1rem;text-decoration:none;cursor:pointer}
            .secondary{background:#fff;color:#2456d3;border:1px solid #2456d3;margin-top:.75rem}
            .reason{background:#fdf0ef;border-left:4px solid #c7372b;padding:.75rem 1rem;margin:0 0 1.25rem}
            .muted{color:#5b6475;font-size:.9rem}
            """;

    public static final String PRODUCT = "bind-backend";

    private HtmlPage() {
    }

    /** Writes a whole page; {@code body} must already be escaped where it holds user or provider data. */
    public static void write(HttpServletResponse response, int status, String title, String body) throws IOException {
        write(response, status, title, body, Optional.empty());
    }

    /**
     * Writes a whole page whose forms post to this backend and may be redirected on to {@code formsLeadTo}'s origin
     * too: {@code form-action} (CSP Level 3 §6.4.1) also governs the redirects that follow a form's submission, and
     * Chromium enforces it there, so a form whose answer sends the browser elsewhere (logout, on to the provider's
     * end-session endpoint) needs that origin named. Nothing else is widened.
     */
    public static void write(HttpServletResponse response, int status, String title, String body,
            Optional<URI> formsLeadTo) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        // No other site may frame a page (clickjacking: CSP Level 3 frame-ancestors, and X-Frame-Options for old browsers).
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"
                + formsLeadTo.flatMap(HtmlPage::sourceOf).map(source -> " " + source).orElse("")
                + "; frame-ancestors 'none'");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on forms, and logout checks it.
        response.setHeader("Referrer-Policy", "same-origin");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + escape(title.equals(PRODUCT) ? PRODUCT : title + " - " + PRODUCT) + "</title><style>" + STYLE + "</style></head>"
                + "<body><main><h1>" + escape(title) + "</h1>" + body + "</main></body></html>");
    }

    /**
     * {@code uri}'s origin as a CSP host-source (CSP Level 3 §2.3.1): scheme, host and port, never a path (which a
     * redirect's check ignores). CSP has no way to name an IPv6 literal, so such a host is not named.
     */
    private static Optional<String> sourceOf(URI uri) {
        String host = uri.getHost();
        if (host == null || host.startsWith("[") || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            return Optional.empty();
        }
        return Optional.of(uri.getScheme() + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
    }
}
