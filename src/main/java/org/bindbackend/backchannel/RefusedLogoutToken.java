package org.bindbackend.backchannel;

/** A logout token that ends nothing; its message says why, in this backend's words, and is safe to log. */
final class RefusedLogoutToken extends Exception {

    RefusedLogoutToken(String reason) {
        super(reason);
    }
}
