package org.bindbackend.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;

/**
 * What every page of a failed login must be: the status that says whose fault it was (never 500), a message for a
 * person (never a Java stack trace), and no session in the browser.
 */
final class FailurePages {

    /** A frame of a printed stack trace: {@code at org.example.Type.method(Type.java:42)}. */
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\((?:[\\w$]+\\.java:\\d+|Native Method|Unknown Source)\\)");
    /** A fully qualified exception class, the first line of a printed stack trace. */
    private static final Pattern QUALIFIED_EXCEPTION = Pattern.compile("\\b(?:java|javax|jakarta|sun|com|org|fish)\\.[\\w.$]+(?:Exception|Error)\\b");

    private FailurePages() {
    }

    /** The page has this status, is not a 500, and shows no stack trace. */
    static void assertReadable(HttpResponse<String> page, int status, String seen) {
        assertNotEquals(500, page.statusCode(), "a 500: " + seen);
        assertEquals(status, page.statusCode(), seen);
        assertFalse(STACK_FRAME.matcher(page.body()).find(), "a stack trace on the page: " + seen);
        assertFalse(page.body().contains("Caused by:"), "a stack trace on the page: " + seen);
        assertFalse(QUALIFIED_EXCEPTION.matcher(page.body()).find(), "an exception class on the page: " + seen);
    }

    /** The page is readable and says {@code text}. */
    static void assertReadable(HttpResponse<String> page, int status, String text, String seen) {
        assertReadable(page, status, seen);
        assertTrue(page.body().contains(text), "the page does not say \"" + text + "\": " + seen);
    }

    /** No {@code kube-bind} cookie, and the backend does not know this browser. */
    static void assertNoSession(BrowserlessLogin browser, BackendServer backend, String seen)
            throws IOException, InterruptedException {
        assertTrue(browser.cookie("kube-bind").isEmpty(), "a session cookie was set: " + seen);
        HttpResponse<String> whoami = browser.client().send(HttpRequest.newBuilder(backend.uri("/api/whoami")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, whoami.statusCode(), "the browser has a session: " + whoami.body() + "\n" + seen);
    }
}
