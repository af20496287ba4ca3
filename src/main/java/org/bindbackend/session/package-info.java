/**
 * The backend's own sessions ({@link org.bindbackend.session.Sessions}): issued to a verified identity at the end
 * of a login, carried by the browser's cookie or the CLI's bearer token (the same signed JWT), checked on every API
 * request (signature, expiry, revocation, the allow-lists of {@link org.bindbackend.session.AccessPolicy}) and ended
 * by logout.
 */
package org.bindbackend.session;
