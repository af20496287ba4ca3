package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The login form's submission (OIDC Core 3.1.2.3, 3.1.2.5). */
class LoginEndpointTest {

    private final ProviderHarness harness = new ProviderHarness();

    private String transaction() {
        return ProviderHarness.transactionOf(harness.authorize(harness.authorizationRequest()));
    }

    @Test
    void aLoginRedirectsWithCodeAndState() {
        HttpReply reply = harness.login(transaction(), "alice", "");

        assertEquals(303, reply.status());
        String location = reply.headers().get("Location");
        assertTrue(location.startsWith("http://localhost:8080/callback?code="), location);
        Map<String, String> response = TestFixtures.query(location);
        assertEquals(43, response.get("code").length());
        assertEquals(ProviderHarness.STATE, response.get("state"));
        assertTrue(location.contains("state=state+with+spaces+%26+symbols%3D%2F%3F"), location);
    }

    @Test
    void theRegisteredRedirectUrisQueryIsKept() {
        ProviderHarness withQuery = new ProviderHarness(
                TestFixtures.config(URI.create("http://localhost:8080/callback?tenant=dev")), IssuerLimits.DEFAULTS);
        HttpReply reply = withQuery.login(
                ProviderHarness.transactionOf(withQuery.authorize(withQuery.authorizationRequest())), "alice", "");

        String location = reply.headers().get("Location");
        assertTrue(location.startsWith("http://localhost:8080/callback?tenant=dev&code="), location);
        assertEquals("dev", TestFixtures.query(location).get("tenant"));
    }

    @Test
    void aLoginTransactionIsSingleUse() {
        String transaction = transaction();
        assertEquals(303, harness.login(transaction, "alice", "").status());

        HttpReply again = harness.login(transaction, "mallory", "");
        assertEquals(400, again.status());
        assertEquals(HttpReply.HTML, again.mediaType());
        assertTrue(!again.headers().containsKey("Location"));
    }

    @Test
    void aLoginTransactionExpires() {
        String transaction = transaction();
        harness.clock.advance(Duration.ofMinutes(10));

        HttpReply reply = harness.login(transaction, "alice", "");
        assertEquals(400, reply.status());
        assertTrue(!reply.headers().containsKey("Location"));
    }

    @Test
    void anUnknownTransactionGetsAnErrorPage() {
        HttpReply reply = harness.login("forged", "alice", "");

        assertEquals(400, reply.status());
        assertTrue(reply.body().contains("expired or was already submitted"), reply.body());
    }

    @Test
    void aBlankUsernameShowsTheFormAgainWithANewTransaction() {
        String transaction = transaction();
        HttpReply retry = harness.login(transaction, "   ", "ops, <b>");

        assertEquals(400, retry.status());
        assertTrue(retry.body().contains("Enter a username."), retry.body());
        assertTrue(retry.body().contains("value=\"ops, &lt;b&gt;\""), retry.body());
        String newTransaction = ProviderHarness.transactionOf(retry);
        assertNotEquals(transaction, newTransaction);
        assertEquals(303, harness.login(newTransaction, "alice", "").status());
    }

    @Test
    void anOverlongUsernameIsRefused() {
        HttpReply reply = harness.login(transaction(), "a".repeat(256), "");

        assertEquals(400, reply.status());
        assertTrue(reply.body().contains("at most 255"), reply.body());
    }

    @Test
    void aUsernameWithControlCharactersIsRefused() {
        HttpReply reply = harness.login(transaction(), "alice\u2028SEVERE: forged", "");

        assertEquals(400, reply.status());
        assertTrue(reply.body().contains("control characters"), reply.body());
    }

    @Test
    void anyPasswordIsAccepted() {
        HttpReply reply = harness.provider.login(TestFixtures.params(
                Map.of("transaction", transaction(), "username", "carol")));

        assertEquals(303, reply.status());
    }

    @Test
    void groupsAreSplitOnCommasAndSpaces() {
        assertEquals(List.of("admins", "dev-ops", "readers"),
                EndUser.parseGroups(" admins,dev-ops  readers, ,admins\n"));
        assertEquals(List.of(), EndUser.parseGroups("  , "));
        assertEquals(List.of("admins"), EndUser.parseGroups("admins ops\u2028x"), "a group with a line separator");
    }
}
