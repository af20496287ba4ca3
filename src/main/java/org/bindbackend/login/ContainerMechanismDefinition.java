package org.bindbackend.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.OpenIdProviderMetadata;

/**
 * The browser login: Jakarta Security's OpenID Connect mechanism (authorization code flow, OIDC Core §3.1), its
 * values fed by {@link ContainerMechanismConfig}. It runs the ceremony (redirect, state, nonce, code exchange); the
 * backend then verifies the ID token itself and issues its own session (see {@code CallbackServlet}).
 */
@ApplicationScoped
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcConfig.providerUri}",
        clientId = "${oidcConfig.clientId}",
        clientSecret = "${oidcConfig.clientSecret}",
        redirectURI = "${oidcConfig.redirectUri}",
        scopeExpression = "${oidcConfig.scopes}",
        useSessionExpression = "${oidcConfig.useSession}",
        logout = @LogoutDefinition(redirectURI = "${oidcConfig.logoutRedirectUri}"),
        providerMetadata = @OpenIdProviderMetadata(
                authorizationEndpoint = "${oidcConfig.authorizationEndpoint}",
                tokenEndpoint = "${oidcConfig.tokenEndpoint}",
                userinfoEndpoint = "${oidcConfig.userinfoEndpoint}",
                jwksURI = "${oidcConfig.jwksUri}"),
        claimsDefinition = @ClaimsDefinition(
                callerNameClaim = "${oidcConfig.usernameClaim}",
                callerGroupsClaim = "${oidcConfig.groupsClaim}"))
public class ContainerMechanismDefinition {
}
