package org.bindbackend.issuer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bindbackend.shared.Sha256;

/** Proof Key for Code Exchange with the S256 method only (RFC 7636). */
final class Pkce {

    /** The only supported {@code code_challenge_method} (RFC 7636 §4.2). */
    static final String S256 = "S256";

    /** 43 to 128 unreserved characters: the form of a verifier (RFC 7636 §4.1) and of a challenge (§4.2). */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private Pkce() {
    }

    /** Whether {@code value} has the form RFC 7636 §4.1 and §4.2 require. */
    static boolean isWellFormed(String value) {
        return WELL_FORMED.matcher(value).matches();
    }

    /** {@code BASE64URL(SHA256(ASCII(verifier)))} (RFC 7636 §4.2). */
    static String s256(String verifier) {
        return Sha256.base64Url(verifier);
    }

    /**
     * Checks the token request's {@code code_verifier} against the authorization request's
     * {@code code_challenge} (RFC 7636 §4.6). A verifier is required when a challenge was sent, and
     * refused when none was (OAuth 2.0 Security BCP, RFC 9700 §2.1.1: against PKCE downgrade).
     *
     * @param challenge the S256 challenge of the authorization request, or null
     * @param verifier  the {@code code_verifier} of the token request
     * @throws OAuthException {@code invalid_grant} when they do not belong together
     */
    static void verify(String challenge, Optional<String> verifier) {
        if (challenge == null) {
            if (verifier.isPresent()) {
                throw new OAuthException(OAuthError.INVALID_GRANT,
                        "A code_verifier was sent, but the authorization request had no code_challenge.");
            }
            return;
        }
        String presented = verifier.orElseThrow(() -> new OAuthException(OAuthError.INVALID_GRANT,
                "The code_verifier is missing; the authorization request had a code_challenge."));
        if (!isWellFormed(presented) || !MessageDigest.isEqual(
                s256(presented).getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII))) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The code_verifier does not match the code_challenge.");
        }
    }
}
