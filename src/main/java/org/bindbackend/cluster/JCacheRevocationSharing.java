package org.bindbackend.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
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
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.bindbackend.logs.Logs;
import org.bindbackend.metrics.Metrics;
import org.bindbackend.revocation.RevocationSharing;
import org.bindbackend.shared.RandomTokens;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Shares revocations through JCache (JSR 107), the distributed cache the server already has: Payara's Hazelcast
 * data grid (its CDI producer gives the caching provider of the grid), or on Open Liberty the provider its
 * configuration puts on the application's class path (a Hazelcast library, server.xml). One entry per revocation,
 * its name as key and its signed text as value; the cache expires an entry after the longest any revocation is
 * kept, so the grid holds what a day of logouts needs, with the grid's backups (a member's loss loses nothing). A
 * revocation waits until its entry is stored; every member hears each new or replaced entry through an entry
 * listener, asynchronously. A second cache marks what is to be used once across replicas, with an atomic
 * {@code putIfAbsent}. Checking a session never touches the grid.
 *
 * <p>A CDI bean that the revocations ask for only with {@code cluster} on. On a server without the JCache API (Open
 * Liberty without the library) its class cannot be loaded, so CDI offers no such bean, and the revocations say so.
 */
@ApplicationScoped
public class JCacheRevocationSharing implements RevocationSharing {

    private static final Logger LOG = Logs.of(JCacheRevocationSharing.class);
    /** Named anew when what it holds changed: replicas of an older release keep theirs apart. */
    static final String REVOCATIONS = "bind-backend-revocations-v2";
    static final String USED_ONCE = "bind-backend-used-once";
    static final String MEMBERS = "bind-backend-members";
    /** How often a member says it is there, and how long the grid believes it. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration MEMBER_FORGOTTEN = Duration.ofSeconds(35);

    /**
     * Where the listener delivers, in this replica: the grid may serialize a listener's factory, and a lambda is
     * not serializable, so the listener reaches this replica's revocations through this one field.
     */
    private static volatile BiConsumer<String, String> receiver = (key, value) -> { };

    @Inject
    Instance<CachingProvider> serverProviders;

    @Inject
    Metrics metrics;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final String memberId = RandomTokens.next(12);
    private Cache<String, String> revocations;
    private Cache<String, Boolean> usedOnce;
    private Cache<String, Long> members;
    private ScheduledFuture<?> heartbeat;

    @Override
    public void join(Duration keep, BiConsumer<String, String> onShared) {
        receiver = onShared;
        CacheManager manager = cachingProvider().getCacheManager();
        revocations = revocationsCache(manager, keep);
        int known = 0;
        for (Cache.Entry<String, String> entry : revocations) {
            onShared.accept(entry.getKey(), entry.getValue());
            known++;
        }
        LOG.info("Joined the shared logouts (" + REVOCATIONS + "): " + known + " held by the grid before this replica "
                + "started.");
        seeMembers(manager);
    }

    /**
     * The members this one sees, for operators ({@code bind.grid.members}): each member writes its own entry every
     * {@link #HEARTBEAT} into a cache that forgets an entry {@link #MEMBER_FORGOTTEN} after its last write, so that
     * the count is what the grid holds, whichever vendor's grid it is.
     */
    private void seeMembers(CacheManager manager) {
        members = cache(manager, MEMBERS, Long.class, new MutableConfiguration<String, Long>()
                .setTypes(String.class, Long.class)
                .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(duration(MEMBER_FORGOTTEN))));
        heartbeat = scheduler.scheduleWithFixedDelay(() -> {
            try {
                members.put(memberId, System.currentTimeMillis());
            } catch (RuntimeException e) {
                LOG.fine("Could not say this member is there: " + e);
            }
        }, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        metrics.gauge("bind.grid.members", "The members of the data grid this replica sees, itself included",
                MetricUnits.NONE, this::membersSeen);
    }

    private long membersSeen() {
        long seen = 0;
        for (Cache.Entry<String, Long> ignored : members) {
            seen++;
        }
        return seen;
    }

    @PreDestroy
    void leave() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    @Override
    public void share(String key, String signed) {
        revocations.put(key, signed);
        LOG.fine("Shared a logout with the other replicas");
    }

    @Override
    public synchronized boolean markOnce(String key, Duration keep) {
        if (usedOnce == null) {
            usedOnce = cache(cachingProvider().getCacheManager(), USED_ONCE, Boolean.class,
                    new MutableConfiguration<String, Boolean>().setTypes(String.class, Boolean.class)
                            .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(duration(keep))));
        }
        return usedOnce.putIfAbsent(key, Boolean.TRUE);
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

    /**
     * The revocations' cache, with the listener as part of its configuration, by class name: each member's cache
     * makes its own from it, in the application's class loader, and the grid never has to load the application's
     * classes.
     */
    private static Cache<String, String> revocationsCache(CacheManager manager, Duration keep) {
        MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(duration(keep)))
                .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<String, String>(
                        FactoryBuilder.factoryOf(Listener.class), null, false, false));
        return cache(manager, REVOCATIONS, String.class, configuration);
    }

    private static <V> Cache<String, V> cache(CacheManager manager, String name, Class<V> values,
            MutableConfiguration<String, V> configuration) {
        Cache<String, V> existing = manager.getCache(name, String.class, values);
        if (existing != null) {
            return existing;
        }
        try {
            return manager.createCache(name, configuration);
        } catch (CacheException anotherReplicaMadeItFirst) {
            return manager.getCache(name, String.class, values);
        }
    }

    private static javax.cache.expiry.Duration duration(Duration keep) {
        return new javax.cache.expiry.Duration(TimeUnit.SECONDS, keep.toSeconds());
    }

    /** Hears each revocation shared, or replaced, by any replica. */
    public static final class Listener implements CacheEntryCreatedListener<String, String>,
            CacheEntryUpdatedListener<String, String>, Serializable {

        private static final long serialVersionUID = 2L;

        @Override
        public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            deliver(events);
        }

        @Override
        public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            deliver(events);
        }

        private static void deliver(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            for (CacheEntryEvent<? extends String, ? extends String> event : events) {
                receiver.accept(event.getKey(), event.getValue());
                LOG.fine("Heard of a logout on another replica");
            }
        }
    }
}
