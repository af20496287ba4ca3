package org.bindbackend.issuer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.logs.Logs;
import org.bindbackend.shared.FormEncoding;
import org.bindbackend.shared.RandomTokens;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Tells the client that a session ended here (OpenID Connect Back-Channel Logout 1.0): a logout token (§2.4:
 * {@code iss}, {@code aud}, {@code iat}, {@code exp}, {@code jti}, the back-channel logout event, {@code sub},
 * {@code sid}; typed {@code logout+jwt}, signed like the ID tokens) posted as a form to the client's back-channel
 * logout URI (§2.5), within {@link #TIMEOUT}. Sent as the end-session request is handled, so that the client has
 * ended its sessions when the browser comes back to it.
 */
final class BackChannelNotifier {

    private static final Logger LOG = Logs.of(BackChannelNotifier.class);
    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** A logout token is used as it is sent: it lives two minutes. */
    static final Duration LIFETIME = Duration.ofMinutes(2);

    private final IssuerConfig config;
    private final IssuerKeys keys;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    BackChannelNotifier(IssuerConfig config, IssuerKeys keys, Clock clock) {
        this.config = config;
        this.keys = keys;
        this.clock = clock;
    }

    /** The logout token for the session {@code sid} of {@code subject}. */
    String logoutToken(String subject, String sid) {
        Instant now = clock.instant();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.issuer().toString());
        claims.setAudience(config.clientId());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(LIFETIME).getEpochSecond()));
        claims.setJwtId(RandomTokens.next());
        claims.setClaim("events", Map.of(EVENT, Map.of()));
        claims.setSubject(subject);
        claims.setClaim("sid", sid);
        return keys.sign(claims, "logout+jwt");
    }

    /** Sends the logout of the session {@code sid} of {@code subject}, when the client registered a URI for it. */
    void loggedOut(String subject, String sid) {
        if (config.backChannelLogoutUri().isEmpty()) {
            return;
        }
        URI uri = config.backChannelLogoutUri().get();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        FormEncoding.encode(Map.of("logout_token", logoutToken(subject, sid)))))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            LOG.log(status == 200 ? Level.FINE : Level.WARNING, "Back-channel logout sent to {0}: HTTP {1}",
                    new Object[] {uri, status});
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Back-channel logout could not be sent to {0}: {1}", new Object[] {uri, e.toString()});
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
