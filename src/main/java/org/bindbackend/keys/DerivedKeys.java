package org.bindbackend.keys;

import java.util.List;
import java.util.Optional;

/**
 * The keys of one purpose, derived from each master key the backend holds: the current one, which signs, and those
 * only accepted (the previous key while the tokens it signed can live, the next one while replicas roll over to it).
 * A token names the master key it was signed with ({@code kid}, RFC 7515 §4.1.4); one that names none was signed
 * before keys were named, with the key that was current then.
 */
final class DerivedKeys {

    /** One derived key and the id of the master key it came from. */
    record Key(String id, byte[] bytes) {
    }

    private final Key current;
    private final List<Key> accepted;

    DerivedKeys(Key current, List<Key> accepted) {
        this.current = current;
        this.accepted = List.copyOf(accepted);
    }

    Key current() {
        return current;
    }

    /** The key a token names, among the current and the accepted ones; without a name, the current one. */
    Optional<Key> named(String keyId) {
        if (keyId == null || keyId.equals(current.id())) {
            return Optional.of(current);
        }
        return accepted.stream().filter(key -> key.id().equals(keyId)).findFirst();
    }
}
