/**
 * The OpenID Provider the backend logs in at, seen from this side
 * ({@link org.bindbackend.auth.provider.ProviderClient}): its metadata and keys fetched through bounded HTTP ({@link org.bindbackend.auth.provider.ProviderHttp}), its state
 * for health, and the relay the container's own token and key requests go through
 * ({@link org.bindbackend.auth.provider.ProviderRelay}), which adds the PKCE verifier and bounds what the provider
 * answers.
 */
package org.bindbackend.auth.provider;
