package org.bindbackend.session;

/** A session just issued: the signed token to hand out, and what it holds. */
public record IssuedSession(String token, Session session) {
}
