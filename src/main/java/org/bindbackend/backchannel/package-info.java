/**
 * The provider's back-channel logouts (OpenID Connect Back-Channel Logout 1.0,
 * {@link org.bindbackend.backchannel.BackChannelLogouts}): a logout token verified as strictly as an ID token, used
 * once across all replicas, ends the sessions and CLI tokens of the provider session or the user it names, on
 * every replica.
 */
package org.bindbackend.backchannel;
