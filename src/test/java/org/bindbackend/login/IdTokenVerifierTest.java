package org.bindbackend.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.bindbackend.config.Settings;
import org.bindbackend.config.TestSettings;
import org.bindbackend.session.Identity;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OIDC Core 3.1.3.7: each check the backend makes itself, and that each bad token is refused with its reason. */
class IdTokenVerifierTest {

    static final String ISSUER = TestSettings.ISSUER;
    static final String CLIENT = TestSettings.CLIENT;
    static final String NONCE = "n-0S6_WzA2Mj";
    static RsaJsonWebKey key;
    static RsaJsonWebKey otherKey;
    static VerificationKeyResolver keys;

    @BeforeAll
    static void keys() throws Exception {
        key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("k1");
        otherKey = RsaJwkGenerator.generateJwk(2048);
        otherKey.setKeyId("k1");
        keys = new JwksVerificationKeyResolver(new JsonWebKeySet(key).getJsonWebKeys());
    }

    static Settings settings() {
        return TestSettings.external();
    }

    static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(CLIENT);
        claims.setSubject("f3b1");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setStringClaim("nonce", NONCE);
        claims.setStringClaim("preferred_username", "alice");
        claims.setStringListClaim("groups", "engineering", "devops");
        return claims;
    }

    static String signed(JwtClaims claims, RsaJsonWebKey with) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(with.getPrivateKey());
        jws.setKeyIdHeaderValue(with.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    static String token(Consumer<JwtClaims> change) throws Exception {
        JwtClaims claims = claims();
        change.accept(claims);
        return signed(claims, key);
    }

    static void assertRefused(String token, String reason) {
        String message = assertThrows(LoginRefusedException.class, () -> verifier().verify(token, ISSUER, keys, NONCE))
                .getMessage();
        assertTrue(message.contains(reason), message);
    }

    private static IdTokenVerifier verifier() {
        return new IdTokenVerifier(settings(), Clock.systemUTC());
    }

    @Test
    void acceptsAGoodTokenAndReadsTheIdentity() throws Exception {
        JwtClaims claims = verifier().verify(token(c -> { }), ISSUER, keys, NONCE);
        Identity identity = IdentityClaims.of(claims, settings());
        assertEquals(new Identity("f3b1", ISSUER, "alice", "", false, List.of("engineering", "devops")), identity);
    }

    @Test
    void refusesAnUnsignedToken() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims().toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        assertRefused(jws.getCompactSerialization(), "accepted algorithm");
    }

    @Test
    void refusesAnHmacTokenSignedWithTheClientSecret() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims().toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new HmacKey("secret-secret-secret-secret-secret!".getBytes()));
        jws.setDoKeyValidation(false);
        assertRefused(jws.getCompactSerialization(), "accepted algorithm");
    }

    /** The header is the sender's: its alg is named in the refusal (page and log) only defused. */
    @Test
    void anAlgorithmOfTheSendersChoosingIsNamedDefused() throws Exception {
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"none\\r\\nSEVERE: forged\\u001b[31m" + "x".repeat(4000) + "\"}").getBytes());
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims().toJson().getBytes());
        String message = assertThrows(LoginRefusedException.class, () -> verifier()
                .verify(header + "." + payload + ".", ISSUER, keys, NONCE)).refusal().logLine();
        assertTrue(message.contains("not signed with an accepted algorithm (\"none??SEVERE: forged?[31m"), message);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.length() < 600, "the whole header value: " + message.length());
    }

    @Test
    void refusesABadSignature() throws Exception {
        assertRefused(signed(claims(), otherKey), "signature is invalid");
    }

    @Test
    void refusesAnUnknownKey() throws Exception {
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId("k2");
        assertRefused(signed(claims(), stranger), "key the provider does not publish");
    }

    @Test
    void refusesAnotherIssuer() throws Exception {
        assertRefused(token(c -> c.setIssuer("https://evil.example.com")), "issuer");
    }

    @Test
    void refusesAnotherAudience() throws Exception {
        assertRefused(token(c -> c.setAudience("someone-else")), "not meant for this client");
    }

    @Test
    void refusesSeveralAudiencesWithoutAzp() throws Exception {
        assertRefused(token(c -> c.setAudience(CLIENT, "other")), "no azp");
    }

    @Test
    void refusesAnAzpOfAnotherClient() throws Exception {
        assertRefused(token(c -> c.setStringClaim("azp", "other")), "another client");
    }

    @Test
    void acceptsSeveralAudiencesWithThisClientAsAzp() throws Exception {
        String token = token(c -> {
            c.setAudience(CLIENT, "other");
            c.setStringClaim("azp", CLIENT);
        });
        assertEquals("f3b1", verifier().verify(token, ISSUER, keys, NONCE).getSubject());
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        assertRefused(token(c -> c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 600))), "expired");
    }

    @Test
    void refusesATokenWithoutExpiry() throws Exception {
        JwtClaims claims = claims();
        claims.unsetClaim("exp");
        assertRefused(signed(claims, key), "lacks a required claim");
    }

    @Test
    void refusesATokenIssuedInTheFuture() throws Exception {
        assertRefused(token(c -> {
            c.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() + 3600));
            c.setExpirationTimeMinutesInTheFuture(120);
        }), "not sane");
    }

    @Test
    void refusesATokenNotYetValid() throws Exception {
        assertRefused(token(c -> {
            c.setNotBefore(NumericDate.fromSeconds(NumericDate.now().getValue() + 3600));
            c.setExpirationTimeMinutesInTheFuture(120);
        }), "not sane");
    }

    @Test
    void refusesATokenWithoutSubject() throws Exception {
        JwtClaims claims = claims();
        claims.unsetClaim("sub");
        assertRefused(signed(claims, key), "lacks a required claim");
    }

    @Test
    void refusesATokenWithoutNonce() throws Exception {
        JwtClaims claims = claims();
        claims.unsetClaim("nonce");
        assertRefused(signed(claims, key), "no nonce");
    }

    @Test
    void refusesATokenWhoseNonceIsNotThisBrowsersLogin() throws Exception {
        assertRefused(token(c -> c.setStringClaim("nonce", "the-nonce-of-another-login")), "not the one this browser");
        String message = assertThrows(LoginRefusedException.class,
                () -> verifier().verify(token(c -> { }), ISSUER, keys, null)).getMessage();
        assertTrue(message.contains("not the one this browser"), "no nonce recorded for this login: " + message);
    }
}
