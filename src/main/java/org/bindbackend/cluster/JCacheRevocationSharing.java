package org.bindbackend.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.bindbackend.revocation.RevocationSharing;

/**
 * Shares ended sessions through JCache (JSR 107), the distributed cache the server already has: Payara's
 * Hazelcast data grid (its CDI producer gives the caching provider of the grid), or on Open Liberty the provider its
 * configuration puts on the application's class path (a Hazelcast library, server.xml). One cache entry per ended
 * session, the session id as key; the cache expires it after {@code keep}, so the grid holds what one session
 * lifetime of logouts needs, with the grid's backups (a member's loss loses nothing). A logout waits until its entry
 * is stored; every member hears each new entry through an entry listener, asynchronously. Checking a session never
 * touches the grid.
 *
 * <p>A CDI bean that the revocations ask for only with {@code cluster} on. On a server without the JCache API (Open
 * Liberty without the library) its class cannot be loaded, so CDI offers no such bean, and the revocations say so.
 */
@ApplicationScoped
public class JCacheRevocationSharing implements RevocationSharing {

    private static final Logger LOG = Logger.getLogger(JCacheRevocationSharing.class.getName());
    static final String CACHE = "bind-backend-revocations";

    /**
     * Where the listener delivers, in this replica: the grid may serialize a listener's factory, and a lambda is
     * not serializable, so the listener reaches this replica's index through this one field.
     */
    private static volatile Consumer<String> receiver = id -> { };

    @Inject
    Instance<CachingProvider> serverProviders;

    private Cache<String, Boolean> cache;

    @Override
    public void join(Duration keep, Consumer<String> onRevoked) {
        receiver = onRevoked;
        cache = cache(cachingProvider().getCacheManager(), keep);
        int known = 0;
        for (Cache.Entry<String, Boolean> entry : cache) {
            onRevoked.accept(entry.getKey());
            known++;
        }
        LOG.info("Joined the shared logouts (" + CACHE + "): " + known + " sessions ended before this replica started.");
    }

    @Override
    public void share(String sessionId) {
        cache.put(sessionId, Boolean.TRUE);
        LOG.fine("Shared a logout with the other replicas");
    }

    /**
     * Payara's grid through its CDI producer when the server has one, else the provider on the class path (Open
     * Liberty's library). A Payara whose grid is off has the producer but no grid: that is no cache, never a second
     * Hazelcast of the application's own.
     */
    private CachingProvider cachingProvider() {
        if (!serverProviders.isResolvable()) {
            return Caching.getCachingProvider();
        }
        CachingProvider provider = serverProviders.get();
        if (provider == null) {
            throw new IllegalStateException("the server's data grid is off (Payara Micro was started with "
                    + "--nohazelcast: start it with the launcher's --cluster)");
        }
        return provider;
    }

    private static Cache<String, Boolean> cache(CacheManager manager, Duration keep) {
        Cache<String, Boolean> existing = manager.getCache(CACHE, String.class, Boolean.class);
        if (existing != null) {
            return existing;
        }
        try {
            // The listener is part of the cache's configuration, by class name: each member's cache makes its own from
            // it, in the application's class loader, and the grid never has to load the application's classes.
            return manager.createCache(CACHE, new MutableConfiguration<String, Boolean>()
                    .setTypes(String.class, Boolean.class)
                    .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(TimeUnit.SECONDS, keep.toSeconds())))
                    .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
                            FactoryBuilder.factoryOf(Listener.class), null, false, false)));
        } catch (CacheException anotherReplicaMadeItFirst) {
            return manager.getCache(CACHE, String.class, Boolean.class);
        }
    }

    /** Hears each session ended on any replica. */
    public static final class Listener implements CacheEntryCreatedListener<String, Boolean>, Serializable {

        private static final long serialVersionUID = 1L;

        @Override
        public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends Boolean>> events) {
            for (CacheEntryEvent<? extends String, ? extends Boolean> event : events) {
                receiver.accept(event.getKey());
                LOG.fine("Heard of a logout on another replica");
            }
        }
    }
}
