package org.bindbackend.bench.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * Jakarta Security's OpenID Connect mechanism at its defaults, its values reached through expressions as the
 * backend's are: the provider's endpoints come from its discovery document, fetched at the first login, and the
 * redirect URI is the protected page itself ({@link FloorPage}), as the backend's callback is {@code /api/callback}.
 */
@ApplicationScoped
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${floorSettings.providerUri}",
        clientId = "${floorSettings.clientId}",
        clientSecret = "${floorSettings.clientSecret}",
        redirectURI = "${baseURL}" + FloorPage.PATH,
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "sub"))
public class FloorLogin {
}
