package org.bindbackend.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.bindbackend.answer.HtmlPage;
import org.bindbackend.session.Identity;
import org.bindbackend.session.Sessions;
import org.bindbackend.text.HtmlText;

/** {@code GET /}: who is logged in, with a logout button; otherwise a login button. */
@WebServlet("")
public class HomeServlet extends HttpServlet {

    @Inject
    Sessions sessions;

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
        String groups = identity.groups().isEmpty() ? "<span class=\"muted\">none</span>"
                : HtmlText.escape(String.join(", ", identity.groups()));
        // The logout form's answer may send the browser on to the provider's end-session endpoint.
        HtmlPage.write(response, HttpServletResponse.SC_OK, HtmlPage.PRODUCT,
                "<p>You are logged in.</p><dl>"
                        + "<dt>Name</dt><dd id=\"name\">" + HtmlText.escape(identity.username()) + "</dd>"
                        + "<dt>Email</dt><dd><span id=\"email\">" + HtmlText.escape(identity.email()) + "</span>"
                        + (identity.email().isEmpty() || identity.emailVerified() ? ""
                                : " <span class=\"muted\">(not verified by the provider)</span>") + "</dd>"
                        + "<dt>Groups</dt><dd id=\"groups\">" + groups + "</dd>"
                        + "<dt>Subject</dt><dd>" + HtmlText.escape(identity.subject()) + "</dd>"
                        + "<dt>Issuer</dt><dd>" + HtmlText.escape(identity.issuer()) + "</dd></dl>"
                        + "<form method=\"post\" action=\"/api/logout\"><button class=\"button\" type=\"submit\">"
                        + "Log out</button></form>", providerLogout.endpoint());
    }
}
