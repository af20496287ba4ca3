package org.bindbackend.issuer;

import java.net.URI;
import org.bindbackend.shared.Mounts;

/**
 * Every route of the embedded provider, in one place, served by {@link OidcProviderServlet}. The
 * paths are relative to {@link #APPLICATION}; with the WAR at context root {@code /} and the issuer
 * {@code http://host/oidc} they are:
 *
 * <table>
 * <caption>Routes</caption>
 * <tr><th>Method and path</th><th>Provider method</th><th>Specification</th></tr>
 * <tr><td>GET /oidc/.well-known/openid-configuration</td><td>{@link EmbeddedIssuer#discovery()}</td>
 *     <td>OIDC Discovery 1.0 §4</td></tr>
 * <tr><td>GET /oidc/.well-known/openid_configuration</td><td>{@link EmbeddedIssuer#discoveryMoved()}</td>
 *     <td>RFC 9110 §15.4.2 (the kube-bind docs' spelling)</td></tr>
 * <tr><td>GET /oidc/.well-known/jwks.json</td><td>{@link EmbeddedIssuer#jwks()}</td><td>RFC 7517 §5</td></tr>
 * <tr><td>GET, POST /oidc/authorize</td><td>{@link EmbeddedIssuer#authorize}</td>
 *     <td>OIDC Core 3.1.2, RFC 6749 §4.1.1</td></tr>
 * <tr><td>POST /oidc/login</td><td>{@link EmbeddedIssuer#login}</td><td>OIDC Core 3.1.2.3, 3.1.2.5</td></tr>
 * <tr><td>POST /oidc/token</td><td>{@link EmbeddedIssuer#token}</td><td>OIDC Core 3.1.3, RFC 6749 §4.1.3, §6</td></tr>
 * <tr><td>GET, POST /oidc/userinfo</td><td>{@link EmbeddedIssuer#userInfo}</td><td>OIDC Core 5.3, RFC 6750 §2</td></tr>
 * <tr><td>GET, POST /oidc/end-session</td><td>{@link EmbeddedIssuer#endSession}</td><td>RP-Initiated Logout 1.0 §2</td></tr>
 * </table>
 */
public final class OidcPaths {

    /** The path of the provider below the context root; the issuer URL ends with it. */
    public static final String APPLICATION = Mounts.EMBEDDED_ISSUER;
    /** Provider metadata. */
    public static final String DISCOVERY = "/.well-known/openid-configuration";
    /**
     * Provider metadata as the kube-bind documentation spells it (with an underscore): answered with a redirect to
     * {@link #DISCOVERY}, so that a client that follows it finds the document.
     */
    public static final String DISCOVERY_AS_KUBE_BIND_SPELLS_IT = "/.well-known/openid_configuration";
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
