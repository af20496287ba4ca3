package org.bindbackend.bench.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.OpenIdProviderMetadata;

/** Jakarta Security's OpenID Connect mechanism, declared as the backend declares it, with expressions. */
@ApplicationScoped
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${floorSettings.providerUri}",
        clientId = "${floorSettings.clientId}",
        clientSecret = "${floorSettings.clientSecret}",
        redirectURI = "${baseURL}/callback",
        providerMetadata = @OpenIdProviderMetadata(
                authorizationEndpoint = "${floorSettings.authorizationEndpoint}",
                tokenEndpoint = "${floorSettings.tokenEndpoint}",
                jwksURI = "${floorSettings.jwksUri}"))
public class FloorLogin {
}
