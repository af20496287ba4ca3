package org.bindbackend.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedHelpersTest {

    @Test
    void theS256ChallengeIsRfc7636sExample() {
        // RFC 7636 Appendix B
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Sha256.base64Url("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void randomTokensAre256BitBase64urlAndDiffer() {
        String token = RandomTokens.next();
        assertEquals(43, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
        assertNotEquals(token, RandomTokens.next());
        assertEquals(12, RandomTokens.next(9).length());
    }

    @Test
    void parametersJoinTheQueryBeforeTheFragment() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", "a b&c");
        parameters.put("state", null);
        parameters.put("iss", "https://x/");
        String added = "code=a+b%26c&iss=https%3A%2F%2Fx%2F";
        assertEquals("https://c/cb?" + added, FormEncoding.withParameters("https://c/cb", parameters));
        assertEquals("https://c/cb?k=v&" + added + "#f", FormEncoding.withParameters("https://c/cb?k=v#f", parameters));
        assertEquals("https://c/cb?" + added, FormEncoding.withParameters("https://c/cb?", parameters));
        assertEquals("https://c/cb", FormEncoding.withParameters("https://c/cb", Map.of()));
    }

    @Test
    void theChainIsAskedOuterToInner() {
        SocketTimeoutException timeout = new SocketTimeoutException("slow");
        RuntimeException outer = new IllegalStateException("wrapped", new UncheckedIOException(new IOException(timeout)));
        assertSame(timeout, Causes.root(outer));
        assertSame(timeout, Causes.find(outer, SocketTimeoutException.class).orElseThrow());
        assertTrue(Causes.any(outer, cause -> cause instanceof UncheckedIOException));
        assertFalse(Causes.find(outer, ArithmeticException.class).isPresent());
        RuntimeException alone = new RuntimeException("alone");
        assertSame(alone, Causes.root(alone));
    }

    @Test
    void aLoopingChainEnds() {
        LoopingException looping = new LoopingException();
        assertEquals(Causes.MAX_DEPTH, Causes.of(looping).count());
    }

    /** An exception whose cause is itself twice removed, as a careless library may build. */
    private static final class LoopingException extends RuntimeException {
        private final RuntimeException partner = new RuntimeException() {
            @Override
            public synchronized Throwable getCause() {
                return LoopingException.this;
            }
        };

        @Override
        public synchronized Throwable getCause() {
            return partner;
        }
    }
}
