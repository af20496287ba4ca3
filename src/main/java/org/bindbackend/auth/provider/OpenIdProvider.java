package org.bindbackend.auth.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.jose4j.http.Get;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * The OpenID Provider as this backend's own code sees it: its discovery document and its signing keys, fetched
 * with {@link ProviderHttp} (so {@code oidc.ca-file} applies) and cached.
 *
 * <p>Discovery is fetched on first use, not at start, so that an embedded provider in the same WAR and an external
 * one that starts after the backend both work; a failed fetch is not cached, so the backend recovers by itself.
 */
@ApplicationScoped
public class OpenIdProvider {

    private static final Logger LOG = Logger.getLogger(OpenIdProvider.class.getName());
    static final Duration REACHABLE_FOR = Duration.ofSeconds(2);

    @Inject
    BackendSettings backendSettings;

    private volatile ProviderHttp http;
    private volatile Discovery discovery;
    private volatile HttpsJwks jwks;
    private volatile long lastReachable = System.nanoTime() - REACHABLE_FOR.toNanos();

    /** The provider's discovery document, fetched once and kept. */
    public Discovery discovery() throws ProviderException {
        Discovery known = discovery;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (discovery == null) {
                discovery = fetchDiscovery();
                jwks = newJwks(discovery.jwksUri());
            }
            return discovery;
        }
    }

    /** Resolves an ID token's verification key from the provider's JWKS, refetched when an unknown {@code kid} appears. */
    public VerificationKeyResolver keyResolver() throws ProviderException {
        discovery();
        return new HttpsJwksVerificationKeyResolver(jwks);
    }

    /**
     * Before a login sends a browser to the provider: can the provider be reached right now? The container keeps
     * the provider's endpoints from the first login, so without this an outage would send the browser to an
     * address that does not answer. A success is trusted for {@link #REACHABLE_FOR}, so this costs at most one
     * request to the provider per interval, and none on most logins.
     */
    public void ensureReachable() throws ProviderException {
        long now = System.nanoTime();
        if (now - lastReachable < REACHABLE_FOR.toNanos()) {
            return;
        }
        fetchDiscovery();
        lastReachable = now;
    }

    /**
     * Fetches discovery and the JWKS afresh: the readiness check's question "can logins work right now?".
     */
    public void probe() throws ProviderException {
        Discovery fresh = fetchDiscovery();
        http().getJson(fresh.jwksUri());
    }

    private Discovery fetchDiscovery() throws ProviderException {
        Settings settings = backendSettings.get();
        URI uri = URI.create(settings.issuerUrl() + "/.well-known/openid-configuration");
        LOG.log(Level.FINE, "Fetching the provider''s discovery document {0}", uri);
        return Discovery.parse(http().getJson(uri), uri, settings.issuerUrl());
    }

    private HttpsJwks newJwks(URI jwksUri) {
        HttpsJwks keys = new HttpsJwks(jwksUri.toString());
        Get get = new Get();
        get.setSslSocketFactory(http().sslContext().getSocketFactory());
        get.setConnectTimeout((int) ProviderHttp.TIMEOUT.toMillis());
        get.setReadTimeout((int) ProviderHttp.TIMEOUT.toMillis());
        keys.setSimpleHttpGet(get);
        return keys;
    }

    private ProviderHttp http() {
        ProviderHttp client = http;
        if (client == null) {
            client = new ProviderHttp(backendSettings.get().caFile());
            http = client;
        }
        return client;
    }
}
