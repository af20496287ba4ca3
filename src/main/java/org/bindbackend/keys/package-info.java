/**
 * The backend's own keys ({@link org.bindbackend.keys.SigningKeys}), derived from {@code session-signing-key} one
 * per purpose, and the two ways it protects what it hands out: JWTs signed with HMAC (sessions, CLI tokens) and JWTs
 * sealed with AES-GCM (login cookies).
 */
package org.bindbackend.keys;
