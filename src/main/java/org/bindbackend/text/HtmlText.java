package org.bindbackend.text;

/** Text placed into HTML, escaped so that it stays text (HTML Living Standard §13.1.2: text and attribute values). */
public final class HtmlText {

    private HtmlText() {
    }

    /** {@code text} with {@code & < > " '} as character references; null becomes the empty string. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
