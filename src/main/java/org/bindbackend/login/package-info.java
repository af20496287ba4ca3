/**
 * The login ceremony around the container's OpenID Connect mechanism. Other packages call
 * {@link org.bindbackend.login.Logins} (begin a login for an intent, complete it at the callback); the container
 * calls its mechanism, which {@link org.bindbackend.login.ContainerMechanismDecorator} wraps. In between: the sealed
 * login cookie that binds a login to its browser, what the backend adds to the container's redirect (scopes, the
 * PKCE challenge of {@link org.bindbackend.login.ProofKeys}), the callback's checks, the backend's own verification
 * of the ID token and the identity it names. A refused login is a {@link org.bindbackend.login.LoginRefusal} value,
 * rendered by {@code answer.Answers}. The container reaches the provider through {@code login.relay}.
 */
package org.bindbackend.login;
