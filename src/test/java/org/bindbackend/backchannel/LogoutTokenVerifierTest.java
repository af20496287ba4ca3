package org.bindbackend.backchannel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.bindbackend.config.TestSettings;
import org.bindbackend.provider.ProviderTokens;
import org.bindbackend.testing.MutableClock;
import org.jose4j.jwa.AlgorithmConstraints;
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

/**
 * Back-Channel Logout 1.0 §2.6: a logout token is verified as strictly as an ID token, and each forgery is refused
 * for what it forges; the honest token (the control) passes.
 */
class LogoutTokenVerifierTest {

    private static final String ISSUER = TestSettings.ISSUER;
    private static RsaJsonWebKey key;
    private static RsaJsonWebKey impostor;
    private static VerificationKeyResolver keys;
    private final MutableClock clock = new MutableClock(Instant.now());

    @BeforeAll
    static void keys() throws Exception {
        key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("k1");
        impostor = RsaJwkGenerator.generateJwk(2048);
        impostor.setKeyId("k1");
        keys = new JwksVerificationKeyResolver(new JsonWebKeySet(key).getJsonWebKeys());
    }

    private JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(TestSettings.CLIENT);
        claims.setIssuedAt(NumericDate.fromSeconds(clock.instant().getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(clock.instant().plusSeconds(120).getEpochSecond()));
        claims.setJwtId("jti-1");
        claims.setSubject("f3b1");
        claims.setStringClaim("sid", "sid-1");
        claims.setClaim("events", Map.of(LogoutTokenVerifier.EVENT, Map.of()));
        return claims;
    }

    private static String signed(JwtClaims claims, RsaJsonWebKey with, String type) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(with.getPrivateKey());
        jws.setKeyIdHeaderValue(with.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        if (type != null) {
            jws.setHeader("typ", type);
        }
        return jws.getCompactSerialization();
    }

    private String token(Consumer<JwtClaims> change) throws Exception {
        JwtClaims claims = claims();
        change.accept(claims);
        return signed(claims, key, LogoutTokenVerifier.TYPE);
    }

    private LogoutToken verify(String token) throws RefusedLogoutToken {
        return new LogoutTokenVerifier(TestSettings.external(), clock).verify(token, ISSUER, keys);
    }

    private void assertRefused(String token, String reason) {
        String message = assertThrows(RefusedLogoutToken.class, () -> verify(token)).getMessage();
        assertTrue(message.contains(reason), message);
    }

    @Test
    void anHonestLogoutTokenNamesItsSessionAndUser() throws Exception {
        LogoutToken token = verify(token(c -> { }));
        assertEquals("sid-1", token.session());
        assertEquals("f3b1", token.subject());
        assertEquals("jti-1", token.id());
        assertEquals(ISSUER, token.issuer());
        assertEquals("sid-1", verify(signed(claims(), key, null)).session(), "untyped tokens are accepted");
    }

    @Test
    void aSidOrASubAloneIsEnough() throws Exception {
        assertEquals("", verify(token(c -> c.unsetClaim("sub"))).subject());
        assertEquals("", verify(token(c -> c.unsetClaim("sid"))).session());
        assertRefused(token(c -> {
            c.unsetClaim("sid");
            c.unsetClaim("sub");
        }), "neither a sid nor a sub");
    }

    @Test
    void aForgedSignatureOrAlgorithmIsRefused() throws Exception {
        assertRefused(signed(claims(), impostor, LogoutTokenVerifier.TYPE), "signature is invalid");
        JsonWebSignature none = new JsonWebSignature();
        none.setPayload(claims().toJson());
        none.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        none.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        assertRefused(none.getCompactSerialization(), "not signed with an accepted algorithm");
        JsonWebSignature hmac = new JsonWebSignature();
        hmac.setPayload(claims().toJson());
        hmac.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hmac.setKey(new HmacKey("secret-of-the-client-0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
        assertRefused(hmac.getCompactSerialization(), "not signed with an accepted algorithm");
        assertRefused("not.a.token", "not a JWS");
    }

    @Test
    void anotherIssuerOrAudienceIsRefused() throws Exception {
        assertRefused(token(c -> c.setIssuer("https://evil.example.com")), "issuer");
        assertRefused(token(c -> c.setAudience("another-client")), "not meant for this client");
    }

    @Test
    void anOldExpiredOrFutureTokenIsRefused() throws Exception {
        String expiresSoon = token(c -> { });
        String livesLong = token(c -> c.setExpirationTime(NumericDate.fromSeconds(
                clock.instant().plus(Duration.ofDays(1)).getEpochSecond())));
        clock.advance(LogoutTokenVerifier.ISSUED_WITHIN.plusSeconds(ProviderTokens.CLOCK_SKEW_SECONDS).plusSeconds(5));
        assertRefused(expiresSoon, "expired");
        assertRefused(livesLong, "time claims");
        assertRefused(token(c -> {
            c.setIssuedAt(NumericDate.fromSeconds(clock.instant().plus(Duration.ofMinutes(10)).getEpochSecond()));
            c.setExpirationTime(NumericDate.fromSeconds(clock.instant().plus(Duration.ofMinutes(12)).getEpochSecond()));
        }), "time claims");
        assertEquals("sid-1", verify(token(c -> { })).session(), "a fresh one at the same time passes");
    }

    @Test
    void onlyALogoutTokenPasses() throws Exception {
        assertRefused(token(c -> c.setStringClaim("nonce", "n-1")), "nonce");
        assertRefused(token(c -> c.unsetClaim("events")), "events");
        assertRefused(token(c -> c.setClaim("events", Map.of("http://example.com/other-event", Map.of()))), "events");
        assertRefused(token(c -> c.setClaim("events", Map.of(LogoutTokenVerifier.EVENT, "yes"))), "events");
        assertRefused(token(c -> c.unsetClaim("jti")), "invalid");
        assertRefused(signed(claims(), key, "JWT"), "typed");
        assertRefused(token(c -> c.setStringClaim("sid", "a\nforged log line")), "control characters");
        assertRefused(token(c -> c.setStringClaim("sid", "x".repeat(300))), "too long");
    }
}
