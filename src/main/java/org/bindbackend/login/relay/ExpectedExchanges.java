package org.bindbackend.login.relay;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codes callbacks on this server are having the container exchange right now, each with its login's PKCE
 * verifier. An entry lives exactly as long as its callback's exchange ({@link ProviderRelay#duringExchange}): it is
 * added before the container's token request and gone when the callback's handling ends, whatever the container
 * did, so what is held is bounded by the callbacks in progress, never by what callers sent before. Each verifier
 * is taken once.
 */
final class ExpectedExchanges {

    /** Far above the callbacks a server handles at once; past it a callback's exchange goes without its verifier. */
    static final int MAX_ENTRIES = 10_000;

    private final Map<String, String> verifierByCode = new ConcurrentHashMap<>();

    /** Whether {@code code} is now expected with {@code verifier}; false when the store is full or holds the code. */
    boolean expect(String code, String verifier) {
        return verifierByCode.size() < MAX_ENTRIES && verifierByCode.putIfAbsent(code, verifier) == null;
    }

    /** The callback's exchange ended: {@code code} is no longer expected, whether or not it was taken. */
    void forget(String code, String verifier) {
        verifierByCode.remove(code, verifier);
    }

    /** The verifier of {@code code}, once. */
    Optional<String> take(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(verifierByCode.remove(code));
    }

    int size() {
        return verifierByCode.size();
    }
}
