package org.bindbackend.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether logins send a PKCE code challenge (RFC 7636) in external mode ({@code oidc.pkce}).
 */
public enum PkceMode {
    /** When the provider's discovery lists S256 in {@code code_challenge_methods_supported} (the default). */
    AUTO,
    /** On every login, whatever discovery says. */
    S256,
    /** Never: for a provider that refuses challenges. */
    OFF;

    static Optional<PkceMode> parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "s256" -> Optional.of(S256);
            case "off" -> Optional.of(OFF);
            case "auto" -> Optional.of(AUTO);
            default -> Optional.empty();
        };
    }
}
