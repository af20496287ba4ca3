package org.bindbackend.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.bindbackend.logs.Logs;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The backend's metrics, in the server's MicroProfile Metrics 5.1 registry of the application, served in the
 * Prometheus text format at the server's {@code /metrics} (docs/operations.md lists them). The names follow
 * Prometheus' conventions once the server exports them ({@code bind.logins.completed} becomes
 * {@code bind_logins_completed_total}); every tag holds one of a few fixed values (a mode, a client type, a reason
 * code, a kind), never a user, a subject or a URL.
 *
 * <p>Callers keep the handles ({@link Count}, {@link Timing}) this gives, so that counting on a request's path is one
 * increment, without a lookup. On a server without MicroProfile Metrics the handles do nothing, and the log says so
 * once.
 */
@ApplicationScoped
public class Metrics {

    private static final Logger LOG = Logs.of(Metrics.class);

    /** A counter of one set of tag values. */
    @FunctionalInterface
    public interface Count {
        void inc();
    }

    /** The logouts of {@code kind}: {@code here}, {@code everywhere}, {@code backchannel} or {@code shared}. */
    public Count logouts(String kind) {
        return counter(LOGOUTS, LOGOUTS_DESCRIPTION, "kind", kind);
    }

    /** A timer (a Prometheus histogram of durations in seconds) of one set of tag values. */
    @FunctionalInterface
    public interface Timing {
        void record(Duration duration);
    }

    /** Logouts, counted where each kind happens: {@code bind.logouts{kind}}. */
    public static final String LOGOUTS = "bind.logouts";
    private static final String LOGOUTS_DESCRIPTION = "Logouts, by kind: here (one session), everywhere (a user's), "
            + "backchannel (from the provider), shared (heard from another replica)";

    @Inject
    Instance<MetricRegistry> registries;

    private final Map<String, Object> handles = new ConcurrentHashMap<>();
    /** False for metrics that are not registered anywhere, outside a server. */
    private volatile boolean served = true;
    private volatile MetricRegistry registry;
    private volatile boolean missingSaid;

    /**
     * The counter {@code name} with the tags {@code tagNamesAndValues} ({@code "mode", "external", ...}).
     *
     * @param description what it counts, for the registry's metadata
     */
    public Count counter(String name, String description, String... tagNamesAndValues) {
        return (Count) handles.computeIfAbsent(key(name, tagNamesAndValues), any -> registry()
                .map(metrics -> {
                    Counter counter = metrics.counter(Metadata.builder().withName(name).withDescription(description)
                            .build(), tags(tagNamesAndValues));
                    return (Count) counter::inc;
                }).orElse(() -> { }));
    }

    /** The timer {@code name}, in seconds, with these tags. */
    public Timing timer(String name, String description, String... tagNamesAndValues) {
        return (Timing) handles.computeIfAbsent(key(name, tagNamesAndValues), any -> registry()
                .map(metrics -> {
                    Timer timer = metrics.timer(Metadata.builder().withName(name).withDescription(description)
                            .withUnit(MetricUnits.SECONDS).build(), tags(tagNamesAndValues));
                    return (Timing) timer::update;
                }).orElse(duration -> { }));
    }

    /** A gauge {@code name} in {@code unit} ({@link MetricUnits}), read from {@code value} when scraped. */
    public void gauge(String name, String description, String unit, Supplier<Number> value,
            String... tagNamesAndValues) {
        handles.computeIfAbsent(key(name, tagNamesAndValues), any -> registry()
                .map(metrics -> (Object) metrics.gauge(Metadata.builder().withName(name).withDescription(description)
                        .withUnit(unit).build(), value, tags(tagNamesAndValues)))
                .orElse(Boolean.FALSE));
    }

    /** Metrics that count nothing anywhere: for code run outside a server (unit tests, benchmarks). */
    public static Metrics unregistered() {
        Metrics metrics = new Metrics();
        metrics.served = false;
        return metrics;
    }

    private Optional<MetricRegistry> registry() {
        if (!served) {
            return Optional.empty();
        }
        MetricRegistry known = registry;
        if (known == null && registries.isResolvable()) {
            known = registries.get();
            registry = known;
        }
        if (known == null && !missingSaid) {
            missingSaid = true;
            LOG.warning("The server offers no MicroProfile Metrics registry (on Open Liberty, add the feature "
                    + "mpMetrics-5.1): the backend's metrics are not served.");
        }
        return Optional.ofNullable(known);
    }

    private static String key(String name, String... tagNamesAndValues) {
        return name + String.join("\u0000", tagNamesAndValues);
    }

    private static Tag[] tags(String... tagNamesAndValues) {
        Tag[] tags = new Tag[tagNamesAndValues.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(tagNamesAndValues[2 * i], tagNamesAndValues[2 * i + 1]);
        }
        return tags;
    }
}
