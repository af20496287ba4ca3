package org.bindbackend.issuer;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The embedded OpenID Provider, wired: the one place where its stores, rules and endpoints are put
 * together. One instance lives as long as the application; nothing it holds is persisted.
 */
public final class EmbeddedIssuer {

    private final IssuerKeys keys;
    private final URI issuer;
    private final JsonObject discovery;
    private final AuthorizationEndpoint authorization;
    private final LoginEndpoint login;
    private final TokenEndpoint token;
    private final UserInfoEndpoint userInfo;
    private final EndSessionEndpoint endSession;

    /**
     * A provider for {@code config} signing with {@code keys}, reading the time from {@code clock},
     * with the lifetimes and store sizes of {@code limits}.
     */
    public EmbeddedIssuer(IssuerConfig config, IssuerKeys keys, Clock clock, IssuerLimits limits) {
        int capacity = limits.maxEntriesPerStore();
        BoundedExpiringStore<AuthorizationRequest> loginTransactions = new BoundedExpiringStore<>(
                "login forms", limits.loginFormLifetime(), capacity, clock);
        AuthorizationCodes codes = new AuthorizationCodes(
                new BoundedExpiringStore<>("authorization codes", limits.authorizationCodeLifetime(), capacity, clock),
                new BoundedExpiringStore<>("redeemed authorization codes", limits.refreshTokenLifetime(), capacity,
                        clock));
        IssuedTokens tokens = new IssuedTokens(
                new BoundedExpiringStore<>("access tokens", limits.accessTokenLifetime(), capacity, clock),
                new BoundedExpiringStore<>("refresh tokens", limits.refreshTokenLifetime(), capacity, clock));
        TokenIssuer issuer = new TokenIssuer(tokens,
                new IdTokenFactory(config, keys, clock, limits.idTokenLifetime()), limits.accessTokenLifetime());

        this.keys = keys;
        this.issuer = config.issuer();
        this.discovery = DiscoveryDocument.of(config);
        this.authorization = new AuthorizationEndpoint(new AuthorizationRequestValidator(config), loginTransactions);
        LoginSessions sessions = new LoginSessions(
                new BoundedExpiringStore<>("login sessions", limits.refreshTokenLifetime(), capacity, clock), config);
        this.login = new LoginEndpoint(loginTransactions, codes, sessions, clock);
        this.token = new TokenEndpoint(new ClientAuthenticator(config), List.of(
                new AuthorizationCodeGrantHandler(codes, tokens, issuer),
                new RefreshTokenGrantHandler(tokens, issuer)));
        this.userInfo = new UserInfoEndpoint(tokens);
        this.endSession = new EndSessionEndpoint(config, keys, tokens, sessions,
                new BackChannelNotifier(config, keys, clock));
    }

    /** The provider metadata (OIDC Discovery 1.0 §4). */
    public HttpReply discovery() {
        return HttpReply.json(200, discovery);
    }

    /** A permanent redirect to the provider metadata, for the spelling of the kube-bind documentation. */
    public HttpReply discoveryMoved() {
        return HttpReply.movedPermanently(OidcPaths.url(issuer, OidcPaths.DISCOVERY));
    }

    /** The key id of the signing key: what this provider publishes, so that a server can recognize it. */
    public String keyId() {
        return keys.keyId();
    }

    /** The public signing keys (RFC 7517 §5). */
    public HttpReply jwks() {
        return HttpReply.json(200, keys.publicJwksJson());
    }

    /** The authorization request: the login form or an error (OIDC Core 3.1.2). */
    public HttpReply authorize(RequestParameters request) {
        return authorization.authorize(request);
    }

    /** The submitted login form: the redirect with a code, or the form again, or an error page. */
    public HttpReply login(RequestParameters form) {
        return login.login(form);
    }

    /** The token request (OIDC Core 3.1.3). */
    public HttpReply token(String authorization, RequestParameters form) {
        return token.token(authorization, form);
    }

    /** The UserInfo request (OIDC Core 5.3). */
    public HttpReply userInfo(String authorization, RequestParameters form) {
        return userInfo.userInfo(authorization, form);
    }

    /**
     * The logout request (RP-Initiated Logout 1.0).
     *
     * @param session the value of the browser's login session cookie, or null
     */
    public HttpReply endSession(RequestParameters request, String session) {
        return endSession.endSession(request, session);
    }
}
