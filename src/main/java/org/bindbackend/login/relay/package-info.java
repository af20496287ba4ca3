/**
 * The relay the container's OpenID Connect client reaches the provider through in external mode
 * ({@link org.bindbackend.login.relay.ProviderRelay}): its token, UserInfo and key requests, bounded in time and size,
 * trusting {@code oidc.ca-file}, with the PKCE verifier of the one code a callback is having exchanged.
 */
package org.bindbackend.login.relay;
