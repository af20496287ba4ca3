package org.bindbackend.login.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A code's PKCE verifier goes to its exchange once, to no other code, and only while its callback runs. */
class ExpectedExchangesTest {

    private final ExpectedExchanges expected = new ExpectedExchanges();

    @Test
    void aVerifierIsTakenOnceForItsCodeOnly() {
        expected.expect("code-1", "verifier-1");
        assertEquals(Optional.empty(), expected.take("code-2"));
        assertEquals(Optional.of("verifier-1"), expected.take("code-1"));
        assertEquals(Optional.empty(), expected.take("code-1"), "a second exchange of the code gets none");
        assertEquals(Optional.empty(), expected.take(null));
    }

    @Test
    void aVerifierIsForgottenWhenItsCallbackEnds() {
        expected.expect("code-1", "verifier-1");
        expected.forget("code-1", "verifier-1");
        assertEquals(Optional.empty(), expected.take("code-1"));
        assertEquals(0, expected.size());
    }

    @Test
    void aCallbackCannotTakeOverACodeAnotherIsExchanging() {
        assertTrue(expected.expect("code-1", "verifier-1"));
        assertFalse(expected.expect("code-1", "verifier-of-a-replay"));
        expected.forget("code-1", "verifier-of-a-replay");
        assertEquals(Optional.of("verifier-1"), expected.take("code-1"), "the first callback's exchange keeps its own");
    }

    @Test
    void theStoreIsBounded() {
        for (int i = 0; i < ExpectedExchanges.MAX_ENTRIES + 100; i++) {
            expected.expect("code-" + i, "v");
        }
        assertEquals(ExpectedExchanges.MAX_ENTRIES, expected.size());
        assertEquals(Optional.empty(), expected.take("code-" + (ExpectedExchanges.MAX_ENTRIES + 50)));
        assertEquals(Optional.of("v"), expected.take("code-0"));
    }
}
