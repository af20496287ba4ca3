/**
 * Logins and sessions: the container's OpenID Connect mechanism ({@link org.bindbackend.auth.OpenIdLogin}) and the
 * decorator that guards it ({@link org.bindbackend.auth.LoginMechanism}), the sealed login cookie, the backend's own
 * verification of the ID token, identity and access policy, the sessions and CLI tokens the backend issues, and
 * their revocation. A login starts at {@link org.bindbackend.auth.LoginStart} and ends at
 * {@link org.bindbackend.auth.LoginCompletion}.
 */
package org.bindbackend.auth;
