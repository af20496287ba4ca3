package org.bindbackend.provider;

import java.time.Instant;

/**
 * Whether the provider could be used when this backend last asked it.
 *
 * @param up      whether its discovery document and keys could be fetched and were sound
 * @param checked when
 */
public record ProviderStatus(boolean up, Instant checked) {
}
