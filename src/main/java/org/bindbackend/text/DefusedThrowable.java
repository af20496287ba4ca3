package org.bindbackend.text;

/**
 * An exception as a log record may carry it: the class, the stack frames and the causes of the original, each
 * message defused ({@link UntrustedText#forLog}). A server's or a library's exception often quotes what it was sent
 * (a request's header, a provider's answer), and a log handler prints every message of the chain as it is: one
 * with a line break would forge a log line, one of many kilobytes would flood the log.
 */
public final class DefusedThrowable extends Throwable {

    /** Causes deeper than this are left out: a chain is a few exceptions deep, never more. */
    static final int MAX_CAUSES = 16;

    private final String originalClass;

    private DefusedThrowable(Throwable original, int depth) {
        super(original.getMessage() == null ? null : UntrustedText.forLog(original.getMessage()),
                causeOf(original, depth), false, true);
        this.originalClass = original.getClass().getName();
        setStackTrace(original.getStackTrace());
    }

    private static DefusedThrowable causeOf(Throwable original, int depth) {
        Throwable cause = original.getCause();
        return cause == null || cause == original || depth >= MAX_CAUSES ? null : new DefusedThrowable(cause, depth + 1);
    }

    /** {@code thrown} fit to be logged, or null for null. */
    public static Throwable of(Throwable thrown) {
        return thrown == null ? null : new DefusedThrowable(thrown, 0);
    }

    /** As {@link Throwable#toString()} says it of the original: its class, and its message defused. */
    @Override
    public String toString() {
        return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
    }
}
