package org.bindbackend.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.bindbackend.answer.HtmlPage;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.session.AccessPolicy;
import org.bindbackend.session.Identity;
import org.bindbackend.session.Sessions;
import org.bindbackend.text.HtmlText;

/**
 * {@code GET /}: who is logged in, with a logout button; otherwise a login button. A session of a user the allow-lists
 * no longer admit (an operator removed them while the backend runs) is not shown as logged in: it is refused here
 * as at every API request.
 */
@WebServlet("")
public class HomeServlet extends HttpServlet {

    private static final String LOGOUT_BUTTON = "<form method=\"post\" action=\"/api/logout\">"
            + "<button class=\"button\" type=\"submit\">Log out</button></form>";
    private static final String LOGOUT_EVERYWHERE_BUTTON = "<form method=\"post\" action=\"/api/logout-everywhere\">"
            + "<button class=\"button secondary\" id=\"logout-everywhere\" type=\"submit\">Log out everywhere</button>"
            + "</form><p class=\"muted\">Log out everywhere ends every session and CLI token of yours, in every browser "
            + "and on every machine.</p>";

    @Inject
    Sessions sessions;

    @Inject
    BackendSettings backendSettings;

    @Inject
    ProviderLogout providerLogout;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Identity> caller = sessions.caller(request);
        if (caller.isEmpty()) {
            HtmlPage.write(response, HttpServletResponse.SC_OK, HtmlPage.PRODUCT,
                    "<p>You are not logged in.</p><p><a class=\"button\" href=\"/login\">Log in</a></p>");
            return;
        }
        Identity identity = caller.get();
        // A logout form's answer may send the browser on to the provider's end-session endpoint (form-action).
        if (!AccessPolicy.allows(backendSettings.get(), identity)) {
            HtmlPage.write(response, HttpServletResponse.SC_FORBIDDEN, HtmlPage.PRODUCT,
                    "<p>You are logged in as " + HtmlText.escape(identity.username()) + ", who is not among the users "
                            + "or groups allowed to use this backend.</p>" + LOGOUT_BUTTON, providerLogout.endpoint());
            return;
        }
        String groups = identity.groups().isEmpty() ? "<span class=\"muted\">none</span>"
                : HtmlText.escape(String.join(", ", identity.groups()));
        HtmlPage.write(response, HttpServletResponse.SC_OK, HtmlPage.PRODUCT,
                "<p>You are logged in.</p><dl>"
                        + "<dt>Name</dt><dd id=\"name\">" + HtmlText.escape(identity.username()) + "</dd>"
                        + "<dt>Email</dt><dd><span id=\"email\">" + HtmlText.escape(identity.email()) + "</span>"
                        + (identity.email().isEmpty() || identity.emailVerified() ? ""
                                : " <span class=\"muted\">(not verified by the provider)</span>") + "</dd>"
                        + "<dt>Groups</dt><dd id=\"groups\">" + groups + "</dd>"
                        + "<dt>Subject</dt><dd>" + HtmlText.escape(identity.subject()) + "</dd>"
                        + "<dt>Issuer</dt><dd>" + HtmlText.escape(identity.issuer()) + "</dd></dl>"
                        + LOGOUT_BUTTON + LOGOUT_EVERYWHERE_BUTTON, providerLogout.endpoint());
    }
}
