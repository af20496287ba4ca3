package org.bindbackend.login;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.http.Cookies;
import org.bindbackend.keys.SealedJwts;
import org.bindbackend.keys.SigningKeys;
import org.bindbackend.logs.Logs;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Carries a {@link LoginTransaction} in the browser between the start of a login and the provider's answer: a
 * cookie holding a JWT sealed with a key of its own ({@link SigningKeys}, {@link SealedJwts}), bound to this
 * deployment, valid for {@link #LIFETIME}. In the browser, so that the login is bound to it and any replica can
 * finish it; sealed, so that nobody can change where a login goes or which state and nonce it expects, nor read its
 * PKCE verifier. HttpOnly, SameSite=Lax (the
 * provider's answer is a top-level GET), Path=/, and over https Secure with the {@code __Host-} prefix.
 */
@ApplicationScoped
public class LoginCookies {

    private static final Logger LOG = Logs.of(LoginCookies.class);
    /** How long a login may take, from its start to the provider's answer. */
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final String NAME = "kube-bind-login";

    @Inject
    BackendSettings backendSettings;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Clock clock;

    private SealedJwts jwts;
    private String audience;

    @PostConstruct
    void init() {
        jwts = signingKeys.sealed("logins");
        audience = backendSettings.get().externalUrl() + "/login";
    }

    /** The {@code Set-Cookie} header value that keeps {@code transaction} in the browser. */
    public String setCookie(LoginTransaction transaction) {
        JwtClaims claims = new JwtClaims();
        claims.setAudience(audience);
        claims.setExpirationTime(NumericDate.fromSeconds(clock.instant().plus(LIFETIME).getEpochSecond()));
        LoginIntent intent = transaction.intent();
        claims.setStringClaim("kind", intent.kind().name());
        claims.setStringClaim("target", intent.target());
        claims.setStringClaim("sid", intent.sessionId());
        claims.setStringClaim("cid", intent.clusterId());
        if (transaction.state() != null) {
            claims.setStringClaim("state", transaction.state());
            claims.setStringClaim("nonce", transaction.nonce());
        }
        if (transaction.codeVerifier() != null) {
            claims.setStringClaim("pkce", transaction.codeVerifier());
        }
        return Cookies.setCookie(NAME, jwts.seal(claims), LIFETIME.toSeconds(), backendSettings.get().secure());
    }

    /** The {@code Set-Cookie} header value that makes the browser forget the login. */
    public String clearCookie() {
        return Cookies.setCookie(NAME, "", 0, backendSettings.get().secure());
    }

    /** The login in progress in the browser that sent {@code request}, if its cookie is there, intact and fresh. */
    public Optional<LoginTransaction> read(HttpServletRequest request) {
        Optional<String> cookie = Cookies.read(request, Cookies.named(NAME, backendSettings.get().secure()));
        if (cookie.isEmpty()) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = jwts.open(cookie.get(), required -> required
                    .setExpectedAudience(audience)
                    .setRequireExpirationTime(), clock.instant());
            String kind = Objects.requireNonNullElse(claims.getStringClaimValue("kind"), "");
            LoginIntent intent = new LoginIntent(LoginIntent.Kind.valueOf(kind),
                    claims.getStringClaimValue("target"), claims.getStringClaimValue("sid"),
                    claims.getStringClaimValue("cid"));
            return Optional.of(new LoginTransaction(intent, claims.getStringClaimValue("state"),
                    claims.getStringClaimValue("nonce"), claims.getStringClaimValue("pkce")));
        } catch (InvalidJwtException e) {
            // Never the exception's message: jose4j puts the token and its claims in it; its error codes only.
            LOG.log(Level.FINE, "Ignored a login cookie that is expired, altered or not this deployment''s (error "
                    + "codes {0})", e.getErrorDetails().stream().map(detail -> String.valueOf(detail.getErrorCode())).toList());
            return Optional.empty();
        } catch (MalformedClaimException | IllegalArgumentException e) {
            LOG.log(Level.FINE, "Ignored a login cookie with claims of the wrong kind ({0})", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
