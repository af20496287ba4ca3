package org.bindbackend.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A page's forms may lead to this backend only, and to one more origin where a page names it: nothing else. */
class HtmlPageTest {

    static Map<String, String> headersOf(Optional<URI> formsLeadTo) throws Exception {
        Map<String, String> headers = new HashMap<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(HtmlPageTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "getWriter" -> new PrintWriter(new StringWriter());
                    default -> null;
                });
        HtmlPage.write(response, 200, "t", "<p>b</p>", formsLeadTo);
        return headers;
    }

    static String formAction(Optional<URI> formsLeadTo) throws Exception {
        String policy = headersOf(formsLeadTo).get("Content-Security-Policy");
        return policy.replaceAll(".*(form-action [^;]*);.*", "$1");
    }

    @Test
    void formsLeadHereOnlyUnlessThePageNamesAnOrigin() throws Exception {
        assertEquals("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
                headersOf(Optional.empty()).get("Content-Security-Policy"));
        assertEquals("form-action 'self' https://login.example.com",
                formAction(Optional.of(URI.create("https://login.example.com/realms/r/protocol/openid-connect/logout"))));
        assertEquals("form-action 'self' https://127.0.0.1:8443",
                formAction(Optional.of(URI.create("https://127.0.0.1:8443/realms/bind/logout?x=1"))));
    }

    /** CSP cannot name an IPv6 literal: such an endpoint is not named rather than widened to a whole scheme. */
    @Test
    void nothingButAnOriginIsEverNamed() throws Exception {
        assertEquals("form-action 'self'", formAction(Optional.of(URI.create("https://[::1]:8443/logout"))));
        assertEquals("form-action 'self'", formAction(Optional.of(URI.create("javascript:alert(1)"))));
    }
}
