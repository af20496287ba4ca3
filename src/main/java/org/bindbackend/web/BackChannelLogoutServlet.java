package org.bindbackend.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bindbackend.backchannel.BackChannelLogouts;
import org.bindbackend.http.Route;
import org.bindbackend.logs.AuditEvent;
import org.bindbackend.logs.AuditTrail;
import org.bindbackend.shared.FormEncoding;
import org.bindbackend.shared.JsonBuilders;

/**
 * {@code POST /api/backchannel-logout}: the back-channel logout URI an operator registers at the provider (OpenID
 * Connect Back-Channel Logout 1.0 §2.5): a form with one {@code logout_token}. Answers 200 when it ended what the
 * token names, else 400 with an OAuth error ({@code invalid_request}, §2.8); never cached. Public, as the provider
 * calls it: the token's signature is what is trusted ({@link BackChannelLogouts}).
 */
@WebServlet(Route.BACK_CHANNEL_LOGOUT_PATH)
public class BackChannelLogoutServlet extends HttpServlet {

    /** A logout token is one or two kilobytes; the form around it a few bytes more. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    transient BackChannelLogouts logouts;

    @Inject
    transient AuditTrail audit;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String type = request.getContentType() == null ? "" : request.getContentType().split(";", 2)[0].trim();
        if (!type.equalsIgnoreCase(FORM)) {
            refuse(response, "the request is not a form (" + FORM + ")");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            response.setHeader("Connection", "close");
            refuse(response, "the request is larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        Optional<List<String>> tokens = FormEncoding.decodeAll(new String(body, StandardCharsets.UTF_8))
                .map(form -> form.getOrDefault("logout_token", List.of()));
        if (tokens.isEmpty() || tokens.get().size() != 1 || tokens.get().get(0).isEmpty()) {
            refuse(response, tokens.isEmpty() ? "the form is not valid form encoding"
                    : "the form must hold exactly one logout_token");
            return;
        }
        BackChannelLogouts.Outcome outcome = logouts.receive(tokens.get().get(0));
        if (outcome.logged()) {
            audit.record(AuditEvent.of("backchannel_logout", request).with("subject", outcome.subject().isEmpty()
                    ? null : outcome.subject()).with("ended", outcome.ended().isEmpty() ? null : outcome.ended())
                    .result(outcome.refusal().isEmpty() ? "success" : "refused")
                    .with("reason", outcome.refusal().isEmpty() ? null : outcome.code()));
        }
        if (outcome.refusal().isPresent()) {
            refuse(response, outcome.refusal().get());
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
    }

    /** §2.8: 400, with {@code invalid_request} and a description (RFC 6749 §5.2). */
    private static void refuse(HttpServletResponse response, String description) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.getWriter().write(JsonBuilders.object(Map.of("error", "invalid_request",
                "error_description", description)).build().toString());
    }
}
