package org.bindbackend.text;

/**
 * Text that came from outside (a request, a provider's answer, a claim a user may edit): how to tell whether it
 * can be kept as a name, and how to log it without letting it forge log lines or flood the log.
 */
public final class UntrustedText {

    /** The most of one untrusted value a log line shows. */
    public static final int LOGGED_LENGTH = 200;

    private UntrustedText() {
    }

    /**
     * Whether {@code text} holds a control character (C0, DEL, C1) or a Unicode line or paragraph separator: what
     * lets one value pass for two in a list joined by newlines, or for a new line in a log.
     */
    public static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code text} fit for one log line: each control character replaced by {@code ?}, cut to
     * {@link #LOGGED_LENGTH} characters (with an ellipsis), and quoted, so a reader sees where it starts and ends.
     */
    public static String forLog(String text) {
        if (text == null) {
            return "(none)";
        }
        int length = Math.min(text.length(), LOGGED_LENGTH);
        StringBuilder out = new StringBuilder(length + 3).append('"');
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            out.append(isControl(c) ? '?' : c);
        }
        if (text.length() > LOGGED_LENGTH) {
            out.append('\u2026');
        }
        return out.append('"').toString();
    }

    /**
     * {@code text} fit for a field of a structured log line, whose format escapes it: each control character
     * replaced by {@code ?}, cut to {@link #LOGGED_LENGTH} characters (with an ellipsis), not quoted.
     */
    public static String defused(String text) {
        String quoted = forLog(text);
        return text == null ? "" : quoted.substring(1, quoted.length() - 1);
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029';
    }
}
