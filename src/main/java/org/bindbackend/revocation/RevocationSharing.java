package org.bindbackend.revocation;

import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * What replicas share through the server's own distributed engine: revocations, so that a logout on one is
 * refused on all, and marks of things to be used once across all (a back-channel logout token's {@code jti}). CDI
 * offers the implementation ({@code org.bindbackend.cluster}) where the server has a distributed cache;
 * {@link Revocations} asks for it only with {@code cluster} on. What is shared is signed by the sender
 * ({@code keys.SignedTexts}) and checked by every receiver: anyone else who reaches the grid can write into it, but
 * nothing it writes is taken.
 */
public interface RevocationSharing {

    /**
     * Joins the sharing: {@code onShared} hears every revocation shared from now on by any replica (its key and its
     * signed text), and first every one shared before this replica joined that the grid still holds.
     *
     * @param keep how long the grid holds what is shared: the longest any revocation is kept
     * @throws RuntimeException when the server's distributed cache cannot be used
     */
    void join(Duration keep, BiConsumer<String, String> onShared);

    /** Tells every replica of the revocation {@code key}, whose signed text is {@code signed}. */
    void share(String key, String signed);

    /** Marks {@code key} as used, across all replicas, for {@code keep}; false when it was marked already. */
    boolean markOnce(String key, Duration keep);
}
