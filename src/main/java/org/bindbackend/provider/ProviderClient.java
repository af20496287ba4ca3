package org.bindbackend.provider;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.logs.Logs;
import org.bindbackend.metrics.Metrics;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * The OpenID Provider as this backend's own code sees it: its discovery document and its signing keys, fetched
 * with {@link ProviderHttp} (so {@code oidc.ca-file} applies, and every answer is bounded) and kept.
 *
 * <p>Discovery is fetched on first use, not at start, so that an embedded provider in the same WAR and an external
 * one that starts after the backend both work; a failed fetch is not kept, so the backend recovers by itself. Each
 * {@link #refresh()} (the {@code ProviderMonitor}'s, a few times a minute) reads both again and takes a changed
 * document or key set.
 *
 * <p>A failed fetch, and a {@link #refresh()} that succeeds, tell whether the provider can be used
 * ({@link #status()}); a change either way is logged once, with the reason.
 */
@ApplicationScoped
public class ProviderClient {

    private static final Logger LOG = Logs.of(ProviderClient.class);
    static final Duration REACHABLE_FOR = Duration.ofSeconds(2);

    @Inject
    BackendSettings backendSettings;

    @Inject
    Clock clock;

    @Inject
    Metrics metrics;

    private ProviderFetches fetches;
    private Instant started;
    private volatile Instant lastUp;
    private volatile ProviderHttp http;
    private volatile ProviderMetadata discovery;
    private volatile ProviderKeys keys;
    private volatile Instant lastReachable = Instant.MIN;
    private volatile ProviderStatus status;
    private volatile LastFailure lastFailure;

    @PostConstruct
    void countFetches() {
        fetches = new ProviderFetches(metrics);
        started = clock.instant();
        metrics.gauge("bind.provider.up", "Whether the provider could be used when last asked (1) or not (0, also "
                + "before the first check)", MetricUnits.NONE, () -> status != null && status.up() ? 1 : 0);
        metrics.gauge("bind.provider.last.success.age", "Time since a check last found the provider usable (since "
                + "start, before the first)", MetricUnits.SECONDS, this::sinceLastUp);
    }

    private double sinceLastUp() {
        Instant since = lastUp != null ? lastUp : started;
        return Duration.between(since, clock.instant()).toMillis() / 1000.0;
    }

    /** Whether the provider could be used when this backend last asked it; empty before it first asked. */
    public Optional<ProviderStatus> status() {
        return Optional.ofNullable(status);
    }

    /** The provider's discovery document, as last fetched. */
    public ProviderMetadata discovery() throws ProviderException {
        ProviderMetadata known = discovery;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (discovery == null) {
                take(fetchDiscovery());
            }
            return discovery;
        }
    }

    /** Whether the provider's key set, as last fetched, has a key of this {@code kid}. */
    public boolean publishesKey(String keyId) {
        ProviderKeys known = keys;
        return known != null && known.has(keyId);
    }

    /** Resolves an ID token's verification key from the provider's JWK Set ({@link ProviderKeys}). */
    public VerificationKeyResolver keyResolver() throws ProviderException {
        discovery();
        return keys;
    }

    /**
     * Before a login sends a browser to the provider: can the provider be reached right now? The container keeps
     * the provider's endpoints from the first login, so without this an outage would send the browser to an
     * address that does not answer. A success is trusted for {@link #REACHABLE_FOR}, and so is a failure: this
     * costs at most one request to the provider per interval, however many logins start, also during an outage.
     */
    public void ensureReachable() throws ProviderException {
        Instant now = clock.instant();
        if (now.isBefore(lastReachable.plus(REACHABLE_FOR))) {
            return;
        }
        LastFailure failed = lastFailure;
        if (failed != null && now.isBefore(failed.at().plus(REACHABLE_FOR))) {
            throw failed.failure();
        }
        try {
            fetchDiscovery();
        } catch (ProviderException e) {
            lastFailure = new LastFailure(e, now);
            throw e;
        }
        lastReachable = now;
    }

    private record LastFailure(ProviderException failure, Instant at) {
    }

    /**
     * Fetches discovery and the JWK Set afresh, and keeps them: whether logins can work right now, and a document
     * or key set that changed since is taken.
     */
    public void refresh() throws ProviderException {
        ProviderMetadata fresh = fetchDiscovery();
        synchronized (this) {
            if (discovery != null && !fresh.equals(discovery)) {
                LOG.info("The OpenID Provider's discovery document changed; the new one is used from now on.");
            }
            take(fresh);
        }
        try {
            keys.fetch();
        } catch (ProviderException e) {
            record(false, e);
            throw e;
        }
        record(true, null);
        lastReachable = clock.instant();
    }

    /** Keeps {@code fresh}, with a key set for its {@code jwks_uri} when that is new. */
    private void take(ProviderMetadata fresh) {
        if (keys == null || discovery == null || !fresh.jwksUri().equals(discovery.jwksUri())) {
            keys = new ProviderKeys(http(), fresh.jwksUri(), clock, fetches);
        }
        discovery = fresh;
    }

    private ProviderMetadata fetchDiscovery() throws ProviderException {
        Settings settings = backendSettings.get();
        URI uri = URI.create(settings.issuerUrl() + "/.well-known/openid-configuration");
        LOG.log(Level.FINE, "Fetching the provider''s discovery document {0}", uri);
        try {
            ProviderMetadata fetched = ProviderMetadata.parse(http().getJson(uri), uri, settings.issuerUrl());
            fetches.succeeded(ProviderFetches.Document.DISCOVERY);
            return fetched;
        } catch (ProviderException e) {
            fetches.failed(ProviderFetches.Document.DISCOVERY, e);
            record(false, e);
            throw e;
        }
    }

    private void record(boolean up, ProviderException failure) {
        ProviderStatus before = status;
        status = new ProviderStatus(up, clock.instant());
        if (up) {
            lastUp = status.checked();
        }
        if (backendSettings.get().embedded()) {
            return; // the provider is this server: ProviderMonitor says what matters
        }
        if (up && before != null && !before.up()) {
            LOG.info("The OpenID Provider " + backendSettings.get().issuerUrl() + " can be used again.");
        } else if (!up && (before == null || before.up())) {
            LOG.warning("The OpenID Provider cannot be used, so logins fail until it can (sessions and CLI tokens "
                    + "go on working): " + failure.getMessage());
        }
    }

    /** The bounded HTTP client that reaches the provider, trusting {@code oidc.ca-file}. */
    public ProviderHttp http() {
        ProviderHttp client = http;
        if (client == null) {
            client = new ProviderHttp(backendSettings.get().caFile());
            http = client;
        }
        return client;
    }
}
