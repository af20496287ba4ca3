package org.bindbackend.config;

import static org.bindbackend.config.LiveChanges.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Map;
import org.bindbackend.testing.PayaraServerDomain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Settings changed on a running Payara Server domain with {@code asadmin set-config-property}, as the admin console
 * does, take effect without a restart ({@link LiveChanges} says what must show). Payara caches MicroProfile Config
 * values for 60 seconds unless told otherwise; the WAR tells it otherwise (its
 * {@code META-INF/microprofile-config.properties}), which this test proves by asking for a change in use within
 * {@link #PAYARA_DELAY}, not merely within the minute the cache alone could take.
 *
 * <p>Runs in the Payara Micro 6 run of the integration tests only ({@code mvn verify}, {@code run-tests}'
 * {@code payara}), the one build that unpacks Payara Server 6.2025.9 ({@code payara.serverHome}); the Payara Micro
 * 7 and Open Liberty runs skip it.
 */
class PayaraServerDomainIT {

    /** The backend's re-reading interval, and time for a loaded machine. */
    static final Duration PAYARA_DELAY = Duration.ofSeconds(30);

    static PayaraServerDomain domain;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PayaraServerDomain.available(), "Payara Server is unpacked in the Payara Micro 6 run only");
        domain = PayaraServerDomain.start(Map.of("oidc.type", "embedded", "oidc.allowed-users", "alice", "v", "0"));
    }

    @AfterAll
    static void stop() {
        if (domain != null) {
            domain.close();
        }
    }

    LiveChanges withAsadmin() throws Exception {
        return new LiveChanges(domain, domain::setConfigProperty);
    }

    @Test
    void aUserAddedWithSetConfigPropertyGetsInAndOneRemovedIsRefused() throws Exception {
        withAsadmin().userAdmittedThenRemoved("oidc.allowed-users", "alice,bob", "alice", form("bob", ""));
    }

    @Test
    void payarasConfigCacheDoesNotHoldAChangeBack() throws Exception {
        LiveChanges changes = withAsadmin();
        assertEquals(403, changes.login(form("frank", "")).statusCode());
        Duration taken = changes.change("oidc.allowed-users", "alice,frank",
                () -> changes.login(form("frank", "")).statusCode() == 303);
        assertTrue(taken.compareTo(PAYARA_DELAY) < 0, "in use after " + taken);
        changes.change("oidc.allowed-users", "alice", () -> changes.login(form("frank", "")).statusCode() == 403);
    }

    @Test
    void anInvalidValueSetWithSetConfigPropertyIsKeptOut() throws Exception {
        withAsadmin().invalidValueKeptOut();
    }
}
