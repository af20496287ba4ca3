package org.bindbackend.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.SessionKey;
import org.bindbackend.config.SessionSettings;
import org.bindbackend.logs.Logs;
import org.bindbackend.shared.Base64Url;
import org.bindbackend.shared.RandomTokens;

/**
 * The backend's keys, one per purpose (signing sessions, sealing login cookies, signing what replicas share), all
 * derived from {@code session-signing-key}, so that every replica with that key derives the same ones, and a value
 * signed for one purpose never passes for another. What the backend signs names the key ({@code kid}): it signs
 * with the current key and also accepts the keys of {@code session-accepted-keys}, so that an operator rotates the
 * key without logging anyone out (docs/operations.md). Without a configured key, one is made at start: valid on
 * this replica only, until it restarts.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logs.of(SigningKeys.class);
    private static final String HMAC = "HmacSHA256";

    @Inject
    BackendSettings backendSettings;

    private byte[] current;
    private List<byte[]> accepted;

    /** At start, so that the warning about a key made here is logged then, not at the first login. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (backendSettings.valid()) {
            masters();
        }
    }

    /** Signs and verifies for {@code purpose} (sessions and CLI tokens) with keys of its own. */
    public HmacJwts hmac(String purpose) {
        return new HmacJwts(derive(purpose));
    }

    /** Seals and opens for {@code purpose} (login cookies) with keys of its own. */
    public SealedJwts sealed(String purpose) {
        return new SealedJwts(derive(purpose));
    }

    /** Signs and opens short texts for {@code purpose} (revocations shared or kept) with keys of its own. */
    public SignedTexts texts(String purpose) {
        return new SignedTexts(derive(purpose));
    }

    /**
     * A shared secret for {@code purpose}, base64url, from the current key: the same on every replica whose current
     * {@code session-signing-key} is the same.
     */
    public String secret(String purpose) {
        return Base64Url.encode(derive(purpose).current().bytes());
    }

    /**
     * A secret for {@code purpose}, base64url, derived from {@code material}, a secret every replica is configured
     * with (the client secret): HKDF (RFC 5869 §2.2 and §2.3) with a salt of its own, since such a secret need not be
     * random. It changes only when {@code material} does, so it stays the same through a rotation of
     * {@code session-signing-key}, and it reveals nothing of {@code material}.
     */
    public static String secret(String material, String purpose) {
        byte[] pseudorandom = hmac("bind-backend derived secret".getBytes(StandardCharsets.UTF_8),
                material.getBytes(StandardCharsets.UTF_8));
        return Base64Url.encode(expand(pseudorandom, purpose));
    }

    private synchronized void masters() {
        if (current == null) {
            SessionSettings sessions = backendSettings.get().sessions();
            current = sessions.signingKey().map(SessionKey::bytes).orElseGet(() -> {
                LOG.warning("No session-signing-key is set: sessions, CLI tokens and logins in progress are signed "
                        + "with a key made at this start, so they work on this replica only and end when it restarts.");
                return RandomTokens.bytes(SessionKey.MIN_BYTES);
            });
            accepted = sessions.acceptedKeys().stream().map(SessionKey::bytes)
                    .filter(key -> !Arrays.equals(key, current)).toList();
        }
    }

    private synchronized DerivedKeys derive(String purpose) {
        masters();
        return new DerivedKeys(derive(current, purpose),
                accepted.stream().map(master -> derive(master, purpose)).toList());
    }

    /**
     * The key of {@code master} for {@code purpose}: HKDF-Expand (RFC 5869 §2.3) of the master key with the purpose
     * as info, one block of HMAC-SHA256 (the extract step is left out, as §3.3 allows for a master key that is
     * already random); and its name, the master key's id, an expansion of its own, public and one-way.
     */
    private static DerivedKeys.Key derive(byte[] master, String purpose) {
        byte[] id = Arrays.copyOf(expand(master, "key id"), 9);
        return new DerivedKeys.Key(Base64Url.encode(id), expand(master, purpose));
    }

    private static byte[] expand(byte[] master, String info) {
        byte[] block = ("bind-backend " + info + "\u0001").getBytes(StandardCharsets.UTF_8);
        return hmac(master, block);
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }
}
