package org.bindbackend.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void theFiveSpecialCharactersBecomeReferences() {
        assertEquals("&amp;&lt;&gt;&quot;&#39;plain", HtmlText.escape("&<>\"'plain"));
    }

    @Test
    void markupAProviderOrUserSendsStaysText() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", HtmlText.escape("<script>alert(1)</script>"));
        assertEquals("&quot; onmouseover=&quot;x", HtmlText.escape("\" onmouseover=\"x"));
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", HtmlText.escape(null));
    }
}
