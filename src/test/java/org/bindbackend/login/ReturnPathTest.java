package org.bindbackend.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReturnPathTest {

    @Test
    void localPathsAreKept() {
        assertEquals(Optional.of("/"), ReturnPath.local(null));
        assertEquals(Optional.of("/"), ReturnPath.local(""));
        assertEquals(Optional.of("/api/whoami?x=1"), ReturnPath.local("/api/whoami?x=1"));
    }

    @Test
    void anythingThatCouldLeaveThisHostIsRefused() {
        for (String target : new String[] {"https://evil.example.com", "//evil.example.com", "/\\evil.example.com",
                "\\\\evil.example.com", "evil.example.com", "/ok\r\nLocation: https://evil.example.com", "javascript:alert(1)"}) {
            assertTrue(ReturnPath.local(target).isEmpty(), target);
        }
    }
}
