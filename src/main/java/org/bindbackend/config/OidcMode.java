package org.bindbackend.config;

import java.util.Locale;
import java.util.Optional;

/** Where users log in: at an external OpenID Provider, or at the development provider inside this WAR. */
public enum OidcMode {
    EXTERNAL,
    EMBEDDED;

    static Optional<OidcMode> parse(String value) {
        for (OidcMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
