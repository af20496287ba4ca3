package org.bindbackend.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DefusedThrowableTest {

    static final String FORGED = "bad header\r\nSEVERE: forged \u001b[2J" + "z".repeat(8000);

    @Test
    void everyMessageOfTheChainIsOneBoundedLineAndTheFramesStay() {
        IllegalStateException original = new IllegalStateException("wrapped",
                new IllegalArgumentException(FORGED, new RuntimeException(FORGED)));
        Throwable defused = DefusedThrowable.of(original);

        StringWriter printed = new StringWriter();
        defused.printStackTrace(new PrintWriter(printed));
        String trace = printed.toString();
        assertFalse(trace.lines().anyMatch(line -> line.startsWith("SEVERE: forged")), trace);
        assertFalse(trace.contains("\u001b"), trace);
        assertTrue(trace.lines().allMatch(line -> line.length() < 400), "a message printed whole: " + trace);
        assertTrue(trace.startsWith("java.lang.IllegalStateException: \"wrapped\""), trace);
        assertTrue(trace.contains("Caused by: java.lang.IllegalArgumentException: \"bad header??SEVERE: forged ?[2J"),
                trace);
        assertTrue(trace.contains("Caused by: java.lang.RuntimeException: "), trace);
        assertArrayEquals(original.getStackTrace(), defused.getStackTrace());
    }

    @Test
    void aThrowableWithoutMessageIsItsClassAndNullIsNull() {
        assertEquals("java.io.IOException", DefusedThrowable.of(new java.io.IOException()).toString());
        assertNull(DefusedThrowable.of(null));
    }
}
