package org.bindbackend.login.relay;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.bindbackend.metrics.Metrics;
import org.bindbackend.metrics.Metrics.Count;
import org.bindbackend.metrics.Metrics.Timing;
import org.bindbackend.provider.ProviderException;

/**
 * What the relay did for the server's client, for operators: its calls by endpoint and outcome
 * ({@code bind.relay.calls}), every pair registered at zero, and how long the provider took to exchange a login's
 * code ({@code bind.login.code.exchange.duration}), the step of a login that waits on the provider.
 */
final class RelayCalls {

    /** How a call to the relay ended. */
    enum Outcome {
        /** The provider answered 2xx. */
        OK,
        /** The provider answered, with an error status (a refused code, a wrong client secret). */
        PROVIDER_ERROR,
        /** The relay refused it: a token request without its key, a body over 16 KiB. */
        REFUSED,
        UNREACHABLE,
        UNTRUSTED_CERTIFICATE,
        BAD_RESPONSE;

        static Outcome of(ProviderException failure) {
            return switch (failure.kind()) {
                case UNREACHABLE -> UNREACHABLE;
                case UNTRUSTED_CERTIFICATE -> UNTRUSTED_CERTIFICATE;
                case BAD_RESPONSE -> BAD_RESPONSE;
            };
        }

        static Outcome of(int providerStatus) {
            return providerStatus / 100 == 2 ? OK : PROVIDER_ERROR;
        }
    }

    private static final String CALLS = "bind.relay.calls";
    private static final String CALLS_DESCRIPTION = "Requests of the server's OpenID Connect client through the relay, "
            + "by endpoint (discovery, token, userinfo, jwks) and outcome (ok, provider_error, refused, unreachable, "
            + "untrusted_certificate, bad_response)";

    private final Map<ProviderRelay.Endpoint, Map<Outcome, Count>> calls = new EnumMap<>(ProviderRelay.Endpoint.class);
    private final Timing codeExchange;

    RelayCalls(Metrics metrics) {
        for (ProviderRelay.Endpoint endpoint : ProviderRelay.Endpoint.values()) {
            Map<Outcome, Count> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, metrics.counter(CALLS, CALLS_DESCRIPTION, "endpoint", code(endpoint),
                        "outcome", code(outcome)));
            }
            calls.put(endpoint, byOutcome);
        }
        codeExchange = metrics.timer("bind.login.code.exchange.duration", "How long the provider took to answer a "
                + "login's code exchange at its token endpoint (external mode)");
    }

    void count(ProviderRelay.Endpoint endpoint, Outcome outcome) {
        calls.get(endpoint).get(outcome).inc();
    }

    void codeExchanged(Duration took) {
        codeExchange.record(took);
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
