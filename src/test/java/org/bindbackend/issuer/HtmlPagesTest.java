package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The provider's HTML pages. */
class HtmlPagesTest {

    @Test
    void theLoginPageHasTheFormTheWarningAndNoScript() {
        String page = HtmlPages.login("tx-1", "bind-backend", null, null, null);

        assertTrue(page.contains("<title>Log in"), page);
        assertTrue(page.contains("<h1>bind-backend development login</h1>"), page);
        assertTrue(page.contains("Development provider: any username and password are accepted"), page);
        assertTrue(page.contains("<form method=\"post\" action=\"login\""), page);
        assertTrue(page.contains("name=\"transaction\" value=\"tx-1\""), page);
        assertTrue(page.contains("<label for=\"username\">Username</label>"), page);
        assertTrue(page.contains("<label for=\"password\">Password</label>"), page);
        assertTrue(page.contains("<label for=\"groups\">Groups"), page);
        assertTrue(page.contains("name=\"username\" type=\"text\" value=\"\" autocomplete=\"username\" required "
                + "autofocus"), page);
        assertTrue(page.contains("name=\"password\" type=\"password\""), page);
        assertTrue(page.contains("name=\"groups\" type=\"text\""), page);
        assertTrue(page.contains("<button type=\"submit\">Log in</button>"), page);
        assertFalse(page.contains("<script"), page);
        assertFalse(page.contains("http"), "no external asset: " + page);
    }

    @Test
    void escapesEverythingItShows() {
        String page = HtmlPages.login("t\"x", "<client>", "a'b", "x&y", "<problem>");

        assertTrue(page.contains("value=\"t&quot;x\""), page);
        assertTrue(page.contains("&lt;client&gt;"), page);
        assertTrue(page.contains("value=\"a&#39;b\""), page);
        assertTrue(page.contains("value=\"x&amp;y\""), page);
        assertTrue(page.contains("&lt;problem&gt;"), page);
        assertFalse(page.contains("<client>") || page.contains("<problem>"), page);
    }

    @Test
    void theErrorPageShowsCodeAndDescription() {
        String page = HtmlPages.error(new OAuthException(OAuthError.INVALID_REQUEST, "Bad <thing>."));

        assertTrue(page.contains("<title>Request refused"), page);
        assertTrue(page.contains("Bad &lt;thing&gt;."), page);
        assertTrue(page.contains("<code>invalid_request</code>"), page);
    }
}
