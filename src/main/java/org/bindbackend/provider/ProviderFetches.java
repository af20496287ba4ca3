package org.bindbackend.provider;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.bindbackend.metrics.Metrics;
import org.bindbackend.metrics.Metrics.Count;

/**
 * The provider's documents fetched, by document and result ({@code bind.provider.fetches}): a provider that
 * turns slow, lies or rotates its keys shows as failures of one kind, or as key sets fetched more often. Every
 * pair is registered at start, at zero, so that a rate over it is defined before the first failure.
 */
final class ProviderFetches {

    /** What was fetched. */
    enum Document {
        /** The discovery document (OIDC Discovery 1.0 §4). */
        DISCOVERY,
        /** The JWK Set its {@code jwks_uri} names (RFC 7517 §5). */
        JWKS
    }

    private static final String NAME = "bind.provider.fetches";
    private static final String DESCRIPTION = "The provider's discovery document and JWK Set fetched, by document "
            + "and result: ok, or why not (unreachable, untrusted_certificate, bad_response)";

    private final Map<Document, Count> succeeded = new EnumMap<>(Document.class);
    private final Map<Document, Map<ProviderException.Kind, Count>> failed = new EnumMap<>(Document.class);

    ProviderFetches(Metrics metrics) {
        for (Document document : Document.values()) {
            String name = document.name().toLowerCase(Locale.ROOT);
            succeeded.put(document, metrics.counter(NAME, DESCRIPTION, "document", name, "result", "ok"));
            Map<ProviderException.Kind, Count> byKind = new EnumMap<>(ProviderException.Kind.class);
            for (ProviderException.Kind kind : ProviderException.Kind.values()) {
                byKind.put(kind, metrics.counter(NAME, DESCRIPTION, "document", name, "result",
                        kind.name().toLowerCase(Locale.ROOT)));
            }
            failed.put(document, byKind);
        }
    }

    void succeeded(Document document) {
        succeeded.get(document).inc();
    }

    void failed(Document document, ProviderException failure) {
        failed.get(document).get(failure.kind()).inc();
    }
}
