package org.bindbackend.web;

import java.util.Optional;

/**
 * Where a browser goes after login: only a path on this backend, so that {@code /login?return=...} can never
 * send a user (or their session) to another host.
 */
public final class ReturnPath {

    public static final String HOME = "/";

    private ReturnPath() {
    }

    /** The path when it is local, else empty. */
    public static Optional<String> local(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Optional.of(HOME);
        }
        boolean local = candidate.startsWith("/")
                && !candidate.startsWith("//")
                && !candidate.startsWith("/\\")
                && candidate.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
        return local ? Optional.of(candidate) : Optional.empty();
    }
}
