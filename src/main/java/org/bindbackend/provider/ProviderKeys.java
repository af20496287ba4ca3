package org.bindbackend.provider;

import java.net.URI;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.bindbackend.logs.Logs;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The provider's signing keys, its JWK Set (RFC 7517 §5), fetched with {@link ProviderHttp} (bounded, trusting
 * {@code oidc.ca-file}) and kept. A token signed with a key not in the set makes the set be fetched again, for a
 * provider that rotated its keys, but at most once per {@link #MIN_REFETCH}: tokens naming made-up keys cannot make
 * the backend hammer the provider.
 */
final class ProviderKeys implements VerificationKeyResolver {

    private static final Logger LOG = Logs.of(ProviderKeys.class);
    static final Duration MIN_REFETCH = Duration.ofSeconds(10);

    private final ProviderHttp http;
    private final URI jwksUri;
    private final Clock clock;
    private final ProviderFetches fetches;
    private volatile JwksVerificationKeyResolver keys;
    private volatile Set<String> keyIds = Set.of();
    private volatile Instant fetched = Instant.MIN;

    ProviderKeys(ProviderHttp http, URI jwksUri, Clock clock, ProviderFetches fetches) {
        this.http = http;
        this.jwksUri = jwksUri;
        this.clock = clock;
        this.fetches = fetches;
    }

    /** Fetches the set now, whatever was fetched before. */
    synchronized void fetch() throws ProviderException {
        List<JsonWebKey> set;
        try {
            set = new JsonWebKeySet(http.getJson(jwksUri)).getJsonWebKeys();
        } catch (JoseException e) {
            ProviderException failure = new ProviderException(ProviderException.Kind.BAD_RESPONSE, jwksUri,
                    "is not a JWK Set", e);
            fetches.failed(ProviderFetches.Document.JWKS, failure);
            throw failure;
        } catch (ProviderException e) {
            fetches.failed(ProviderFetches.Document.JWKS, e);
            throw e;
        } finally {
            fetched = clock.instant();
        }
        fetches.succeeded(ProviderFetches.Document.JWKS);
        keys = new JwksVerificationKeyResolver(set);
        keyIds = set.stream().map(JsonWebKey::getKeyId).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the set last fetched has a key of this {@code kid}. */
    boolean has(String keyId) {
        return keyIds.contains(keyId);
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
        JwksVerificationKeyResolver known = keys;
        if (known != null) {
            try {
                return known.resolveKey(jws, nestingContext);
            } catch (UnresolvableKeyException notInTheSet) {
                // fetched again below, if allowed
            }
        }
        synchronized (this) {
            if (keys != known || clock.instant().isAfter(fetched.plus(MIN_REFETCH))) {
                try {
                    if (keys == known) {
                        LOG.fine("A token names a signing key the provider's JWK Set did not have: fetching it again");
                        fetch();
                    }
                    return keys.resolveKey(jws, nestingContext);
                } catch (ProviderException e) {
                    throw new UnresolvableKeyException("the provider's JWK Set could not be fetched: " + e.getMessage(), e);
                }
            }
        }
        throw new UnresolvableKeyException("no key of the provider's JWK Set matches the token's header");
    }
}
