/**
 * The relay the container's OpenID Connect client reaches the provider through in external mode
 * ({@link org.bindbackend.login.relay.ProviderRelay}), on a listener of its own on the loopback interface
 * ({@link org.bindbackend.login.relay.RelayListener}), never on the server's public one: its token, UserInfo and key
 * requests, bounded in time and size, trusting {@code oidc.ca-file}, the token request authenticated by the relay's
 * key and sent on with the real client authentication and the PKCE verifier of the one code a callback is having
 * exchanged.
 */
package org.bindbackend.login.relay;
