/**
 * The OpenID Provider the backend logs in at, seen from this side ({@link org.bindbackend.provider.ProviderClient}):
 * its discovery document and signing keys, fetched through bounded HTTP ({@link org.bindbackend.provider.ProviderHttp},
 * which trusts {@code oidc.ca-file}) and kept, and whether it could be used when last asked. The login, the relay,
 * health and logout read the provider here; nothing here knows them.
 */
package org.bindbackend.provider;
