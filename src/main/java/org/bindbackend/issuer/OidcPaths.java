package org.bindbackend.issuer;

import java.net.URI;

/**
 * Every route of the embedded provider, in one place. The paths are relative to the JAX-RS
 * application path {@link #APPLICATION}; with the WAR at context root {@code /} and the issuer
 * {@code http://host/oidc} they are:
 *
 * <table>
 * <caption>Routes</caption>
 * <tr><th>Method and path</th><th>Resource</th><th>Specification</th></tr>
 * <tr><td>GET /oidc/.well-known/openid-configuration</td><td>{@link DiscoveryResource}</td>
 *     <td>OIDC Discovery 1.0 §4</td></tr>
 * <tr><td>GET /oidc/.well-known/jwks.json</td><td>{@link JwksResource}</td><td>RFC 7517 §5</td></tr>
 * <tr><td>GET, POST /oidc/authorize</td><td>{@link AuthorizationResource}</td>
 *     <td>OIDC Core 3.1.2, RFC 6749 §4.1.1</td></tr>
 * <tr><td>POST /oidc/login</td><td>{@link LoginResource}</td><td>OIDC Core 3.1.2.3, 3.1.2.5</td></tr>
 * <tr><td>POST /oidc/token</td><td>{@link TokenResource}</td><td>OIDC Core 3.1.3, RFC 6749 §4.1.3, §6</td></tr>
 * <tr><td>GET, POST /oidc/userinfo</td><td>{@link UserInfoResource}</td><td>OIDC Core 5.3, RFC 6750 §2</td></tr>
 * <tr><td>GET, POST /oidc/end-session</td><td>{@link EndSessionResource}</td><td>RP-Initiated Logout 1.0 §2</td></tr>
 * </table>
 */
public final class OidcPaths {

    /** The JAX-RS application path of the provider. */
    public static final String APPLICATION = "/oidc";
    /** Provider metadata. */
    public static final String DISCOVERY = "/.well-known/openid-configuration";
    /** The public signing keys. */
    public static final String JWKS = "/.well-known/jwks.json";
    /** The authorization endpoint: validates the request and shows the login form. */
    public static final String AUTHORIZE = "/authorize";
    /** Where the login form posts to. */
    public static final String LOGIN = "/login";
    /** The token endpoint. */
    public static final String TOKEN = "/token";
    /** The UserInfo endpoint. */
    public static final String USERINFO = "/userinfo";
    /** The end-session (logout) endpoint. */
    public static final String END_SESSION = "/end-session";

    private OidcPaths() {
    }

    /** The absolute URL of {@code route} for {@code issuer} (which ends with the application path). */
    static URI url(URI issuer, String route) {
        return URI.create(issuer + route);
    }
}
