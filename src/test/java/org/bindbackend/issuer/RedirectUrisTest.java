package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Response parameters on a redirect URI (RFC 6749 §3.1.2, Appendix B). */
class RedirectUrisTest {

    private static Map<String, String> parameters(String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    @Test
    void encodesTheValues() {
        assertEquals(URI.create("https://rp.example/cb?code=a%2Fb&state=x+y%26z%3D%C3%A9"),
                RedirectUris.withParameters(URI.create("https://rp.example/cb"),
                        parameters("code", "a/b", "state", "x y&z=é")));
    }

    @Test
    void keepsTheRegisteredQuery() {
        assertEquals(URI.create("https://rp.example/cb?tenant=a%20b&code=c"),
                RedirectUris.withParameters(URI.create("https://rp.example/cb?tenant=a%20b"), parameters("code", "c")));
        assertEquals(URI.create("https://rp.example/cb?code=c"),
                RedirectUris.withParameters(URI.create("https://rp.example/cb?"), parameters("code", "c")));
    }

    @Test
    void leavesOutNullValues() {
        assertEquals(URI.create("https://rp.example/cb?code=c"),
                RedirectUris.withParameters(URI.create("https://rp.example/cb"),
                        parameters("code", "c", "state", null)));
    }

    @Test
    void aRedirectWithNothingToAddIsLeftAlone() {
        assertEquals(URI.create("https://rp.example/"), RedirectUris.withParameters(URI.create("https://rp.example/"), parameters()));
    }
}
