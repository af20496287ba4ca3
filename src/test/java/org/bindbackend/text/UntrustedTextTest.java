package org.bindbackend.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

    @Test
    void controlCharactersAndLineSeparatorsAreFound() {
        for (String bad : new String[] {"a\nb", "a\rb", "a\u0000", "\u007f", "a\u0085b", "a\u2028b", "a\u2029", "\t"}) {
            assertTrue(UntrustedText.hasControlCharacters(bad), bad);
        }
        assertFalse(UntrustedText.hasControlCharacters("alice@example.com, Zoë, 日本"));
    }

    @Test
    void aLoggedValueIsOneQuotedBoundedLine() {
        assertEquals("\"access_denied?SEVERE: forged\"", UntrustedText.forLog("access_denied\nSEVERE: forged"));
        String logged = UntrustedText.forLog("x".repeat(10_000));
        assertEquals(UntrustedText.LOGGED_LENGTH + 3, logged.length());
        assertTrue(logged.endsWith("\u2026\""));
        assertEquals("(none)", UntrustedText.forLog(null));
    }
}
