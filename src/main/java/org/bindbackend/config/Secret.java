package org.bindbackend.config;

import java.util.Objects;

/** A value that must never reach a log: {@link #toString()} hides it, only {@link #reveal()} gives it. */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "********";
    }
}
