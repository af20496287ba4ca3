package org.bindbackend.login;

/**
 * A login that cannot begin: what it is for (its return path, or the kube-bind client's redirect URL) would make a
 * login cookie larger than browsers keep ({@link LoginCookieSize}). The caller names what to shorten.
 */
public final class OversizedLoginException extends Exception {

    private final int bytes;

    OversizedLoginException(int bytes) {
        super("the login cookie would be " + bytes + " bytes, more than the " + LoginCookieSize.MAX_BYTES
                + " a browser keeps");
        this.bytes = bytes;
    }

    /** The size the login's cookie would have had, in bytes. */
    public int bytes() {
        return bytes;
    }
}
