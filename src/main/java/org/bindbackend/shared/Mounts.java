package org.bindbackend.shared;

/**
 * Where the parts of the WAR are mounted below its context root, for the parts that must agree on it: the embedded
 * issuer builds its URLs under {@link #EMBEDDED_ISSUER}, and the backend routes and validates by it.
 */
public final class Mounts {

    /** The embedded development provider; its issuer URL is {@code <external-url>/oidc}. */
    public static final String EMBEDDED_ISSUER = "/oidc";

    private Mounts() {
    }
}
