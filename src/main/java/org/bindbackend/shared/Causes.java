package org.bindbackend.shared;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An exception and its causes, outermost first: servers and libraries wrap what they throw (Jersey, Soteria, the
 * JDK's HTTP client), so the backend asks the whole chain what happened. A chain longer than {@link #MAX_DEPTH}
 * (or one that loops) is cut there.
 */
public final class Causes {

    static final int MAX_DEPTH = 32;

    private Causes() {
    }

    /** {@code thrown} and its causes; nothing when it is null. */
    public static Stream<Throwable> of(Throwable thrown) {
        return Stream.iterate(thrown, cause -> cause != null, Throwable::getCause).limit(MAX_DEPTH);
    }

    /** The first in the chain that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        return of(thrown).filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Whether one in the chain matches. */
    public static boolean any(Throwable thrown, Predicate<Throwable> condition) {
        return of(thrown).anyMatch(condition);
    }

    /** The innermost cause (the chain's last), or {@code thrown} itself when it has none. */
    public static Throwable root(Throwable thrown) {
        return of(thrown).reduce((outer, inner) -> inner).orElse(thrown);
    }
}
