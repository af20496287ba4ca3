package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

/** The ID token: its signature checked against the published JWKS, and its claims (OIDC Core 2, 3.1.3.6, 3.1.3.7). */
class IdTokenTest {

    private final ProviderHarness harness = new ProviderHarness();

    /** Validates as a relying party would: signature by the published keys, RS256, issuer, audience, times. */
    private JwtContext validate(String idToken, String jwksJson) throws Exception {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(
                        new JwksVerificationKeyResolver(new JsonWebKeySet(jwksJson).getJsonWebKeys()))
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(TestFixtures.ISSUER.toString())
                .setExpectedAudience(TestFixtures.CLIENT_ID)
                .setRequireSubject()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setEvaluationTime(NumericDate.fromSeconds(harness.clock.instant().getEpochSecond()))
                .build();
        return consumer.process(idToken);
    }

    @Test
    void isSignedWithThePublishedKeyAndCarriesTheProtocolClaims() throws Exception {
        JsonObject tokens = harness.tokens();
        JwtContext context = validate(tokens.getString("id_token"), harness.provider.jwks().body());
        JwtClaims claims = context.getJwtClaims();

        String publishedKid = TestFixtures.json(harness.provider.jwks().body()).getJsonArray("keys").getJsonObject(0)
                .getString("kid");
        assertEquals(publishedKid, context.getJoseObjects().get(0).getKeyIdHeaderValue());
        assertEquals("RS256", context.getJoseObjects().get(0).getAlgorithmHeaderValue());
        assertEquals(List.of(TestFixtures.CLIENT_ID), claims.getAudience());
        assertEquals(TestFixtures.CLIENT_ID, claims.getClaimValue("azp"));
        assertEquals(ProviderHarness.NONCE, claims.getClaimValue("nonce"));
        long now = harness.clock.instant().getEpochSecond();
        assertEquals(now, claims.getIssuedAt().getValue());
        assertEquals(now + 600, claims.getExpirationTime().getValue());
        assertEquals(now, claims.getClaimValue("auth_time", Long.class));
        assertEquals(IdTokenFactory.atHash(tokens.getString("access_token")), claims.getClaimValue("at_hash"));
    }

    @Test
    void carriesTheEndUsersClaims() throws Exception {
        String code = harness.logIn(harness.authorizationRequest(), "  alice  ", "admins,developers admins");
        JsonObject tokens = TestFixtures.json(harness.token(harness.codeExchange(code)));
        JwtClaims claims = validate(tokens.getString("id_token"), harness.provider.jwks().body()).getJwtClaims();

        assertEquals("alice", claims.getSubject());
        assertEquals("alice", claims.getClaimValue("name"));
        assertEquals("alice", claims.getClaimValue("preferred_username"));
        assertEquals("alice@bind-backend.invalid", claims.getClaimValue("email"));
        assertEquals(false, claims.getClaimValue("email_verified"));
        assertEquals(List.of("admins", "developers"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void usesAnEmailAddressUsernameAsTheEmail() throws Exception {
        String code = harness.logIn(harness.authorizationRequest(), "bob@example.com", "");
        JsonObject tokens = TestFixtures.json(harness.token(harness.codeExchange(code)));
        JwtClaims claims = validate(tokens.getString("id_token"), harness.provider.jwks().body()).getJwtClaims();

        assertEquals("bob@example.com", claims.getClaimValue("email"));
        assertEquals(List.of(), claims.getStringListClaimValue("groups"));
    }

    @Test
    void hasNoNonceWhenTheRequestHadNone() throws Exception {
        var request = harness.authorizationRequest();
        request.remove("nonce");
        JsonObject tokens = TestFixtures.json(harness.token(harness.codeExchange(harness.logIn(request, "a", ""))));
        JwtClaims claims = validate(tokens.getString("id_token"), harness.provider.jwks().body()).getJwtClaims();

        assertFalse(claims.hasClaim("nonce"));
    }

    @Test
    void failsValidationAgainstAnotherKeyAndOnceExpired() throws Exception {
        String idToken = harness.tokens().getString("id_token");

        assertThrows(InvalidJwtException.class, () -> validate(idToken, TestFixtures.newKeys().publicJwksJson()));
        harness.clock.advance(Duration.ofMinutes(11));
        assertThrows(InvalidJwtException.class, () -> validate(idToken, harness.provider.jwks().body()));
    }

    @Test
    void atHashIsTheLeftHalfOfTheSha256OfTheAccessToken() {
        // Expected value computed independently: base64url(sha256(token)[0:16]) without padding.
        assertEquals("Em_YqY4ohWyraDI_6CYTVA", IdTokenFactory.atHash("jHkWEdUXMU1BwAsC4vtUsZwnNlsA3Cv9ilC4rHFTyc8"));
    }

    @Test
    void refreshedIdTokenKeepsAuthTimeAndHasNoNonce() throws Exception {
        JsonObject first = harness.tokens();
        long authTime = harness.clock.instant().getEpochSecond();
        harness.clock.advance(Duration.ofMinutes(5));
        JsonObject refreshed = TestFixtures.json(harness.token(harness.refresh(first.getString("refresh_token"))));
        JwtClaims claims = validate(refreshed.getString("id_token"), harness.provider.jwks().body()).getJwtClaims();

        assertEquals(authTime, claims.getClaimValue("auth_time", Long.class));
        assertEquals(authTime + 300, claims.getIssuedAt().getValue());
        assertNull(claims.getClaimValue("nonce"));
        assertEquals(IdTokenFactory.atHash(refreshed.getString("access_token")), claims.getClaimValue("at_hash"));
    }
}
