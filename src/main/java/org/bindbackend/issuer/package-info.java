/**
 * The embedded development OpenID Provider: in "embedded" mode the WAR logs its own users in
 * against these endpoints under {@code /oidc} with the real authorization-code flow (OpenID
 * Connect Core 1.0, RFC 6749, RFC 6750, RFC 7636, OpenID Connect Discovery 1.0 and RP-Initiated
 * Logout 1.0), so the relying party built into the server behaves exactly as it will against a
 * production provider. It accepts any username and password, signs ID tokens with an RSA key made
 * at start-up, hands out opaque access and refresh tokens, and keeps everything in bounded
 * in-memory stores that a restart empties: it is for development only. {@link
 * org.bindbackend.issuer.OidcPaths} lists every route, {@link org.bindbackend.issuer.EmbeddedIssuer}
 * wires the parts together, and {@link org.bindbackend.issuer.OidcProviderServlet} only hands
 * requests over to the endpoint classes.
 */
package org.bindbackend.issuer;
