package org.bindbackend.login;

import java.util.Optional;
import org.bindbackend.http.Route;

/**
 * Where a browser goes after login: only a path on this backend, so that {@code /login?return=...} can never
 * send a user (or their session) to another host.
 */
public final class ReturnPath {

    public static final String HOME = Route.HOME_PATH;
    /** Longer would not fit the login's cookie (4096 bytes, RFC 6265 §6.1). */
    public static final int MAX_LENGTH = 2048;

    private ReturnPath() {
    }

    /** The path when it is local, else empty. */
    public static Optional<String> local(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Optional.of(HOME);
        }
        boolean local = candidate.length() <= MAX_LENGTH && candidate.startsWith("/")
                && !candidate.startsWith("//")
                && !candidate.startsWith("/\\")
                && candidate.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
        return local ? Optional.of(candidate) : Optional.empty();
    }
}
