package org.bindbackend.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bindbackend.shared.Base64Url;

/**
 * Short texts the backend signs so that it can tell later that it wrote them, unchanged, when they come back from
 * somewhere others can write too (the data grid, a file): {@code <kid>.<base64url text>.<base64url HMAC-SHA256>},
 * the MAC over the kid and the text, under this purpose's key of the master key the kid names.
 */
public final class SignedTexts {

    private static final String HMAC = "HmacSHA256";

    private final DerivedKeys keys;

    SignedTexts(DerivedKeys keys) {
        this.keys = keys;
    }

    public String sign(String text) {
        DerivedKeys.Key key = keys.current();
        String signed = key.id() + "." + Base64Url.encode(text.getBytes(StandardCharsets.UTF_8));
        return signed + "." + Base64Url.encode(mac(key, signed));
    }

    /** The text, when {@code signed} is one this backend signed with a key it holds; empty otherwise. */
    public Optional<String> open(String signed) {
        int lastDot = signed.lastIndexOf('.');
        int firstDot = signed.indexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot) {
            return Optional.empty();
        }
        Optional<DerivedKeys.Key> key = keys.named(signed.substring(0, firstDot));
        try {
            byte[] presented = Base64.getUrlDecoder().decode(signed.substring(lastDot + 1));
            if (key.isEmpty() || !MessageDigest.isEqual(presented, mac(key.get(), signed.substring(0, lastDot)))) {
                return Optional.empty();
            }
            return Optional.of(new String(Base64.getUrlDecoder().decode(
                    signed.substring(firstDot + 1, lastDot)), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static byte[] mac(DerivedKeys.Key key, String signed) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key.bytes(), HMAC));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }
}
