package org.bindbackend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new reading of the settings changes while the backend runs, and what it says, once. */
class LiveReloadTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final String SECRET = "client-secret-never-shown-0123";

    final Map<String, String> source = new HashMap<>(Map.of("oidc.issuer-url", TestSettings.ISSUER,
            "oidc.issuer-client-id", TestSettings.CLIENT, "oidc.issuer-client-secret", SECRET,
            "external-url", TestSettings.EXTERNAL_URL, "oidc.allowed-users", "alice"));
    Settings current;
    LiveReload reload;

    @BeforeEach
    void start() {
        SettingsReading started = reading();
        current = started.result().settings().orElseThrow();
        reload = new LiveReload(started.sources());
    }

    SettingsReading reading() {
        return SettingsReading.of(key -> Optional.ofNullable(source.get(key)));
    }

    LiveReload.Outcome next() {
        LiveReload.Outcome outcome = reload.next(current, reading(), NOW);
        current = outcome.settings();
        return outcome;
    }

    @Test
    void aLiveSettingChangedIsTakenIntoUseAndSaidOnce() {
        source.put("oidc.allowed-users", "alice, bob");
        LiveReload.Outcome outcome = next();
        assertEquals(Set.of("alice", "bob"), current.allowedUsers());
        assertEquals(List.of(new SettingChange(Setting.OIDC_ALLOWED_USERS, "[\"alice\"]", "[\"alice\", \"bob\"]", NOW)),
                outcome.changes());
        assertEquals(List.of(new LiveReload.Line(Level.INFO, "Setting oidc.allowed-users (flag --oidc-allowed-users, "
                + "env OIDC_ALLOWED_USERS) changed from [\"alice\"] to [\"alice\", \"bob\"]; in use from now on.")),
                outcome.lines());

        LiveReload.Outcome again = next();
        assertTrue(again.lines().isEmpty() && again.changes().isEmpty(), "said once: " + again);
        assertSame(current, again.settings());
    }

    @Test
    void nothingChangedKeepsTheSameSettings() {
        Settings before = current;
        LiveReload.Outcome outcome = next();
        assertSame(before, outcome.settings());
        assertTrue(outcome.lines().isEmpty());
    }

    @Test
    void everyLiveSettingChanges() {
        source.putAll(Map.of("oidc.allowed-groups", "admins", "ui-allowed-origins", "https://ui.example.com",
                "oidc.end-provider-session", "true", "provider-pretty-name", "Renamed", "v", "2"));
        assertEquals(5, next().changes().size());
        assertEquals(Set.of("admins"), current.allowedGroups());
        assertEquals(Set.of(URI.create("https://ui.example.com")), current.sessions().uiOrigins());
        assertTrue(current.sessions().endProviderSession());
        assertEquals("Renamed", current.providerPrettyName());
        assertEquals(2, current.verbosity());
        assertEquals(TestSettings.EXTERNAL_URL, current.externalUrl().toString(), "the rest as it was");
        assertEquals(SECRET, current.clientSecret().reveal());
    }

    @Test
    void anInvalidLiveValueIsRefusedOnceAndTheValueInUseKept() {
        source.put("v", "eleven");
        LiveReload.Outcome outcome = next();
        assertEquals(0, current.verbosity());
        assertTrue(outcome.changes().isEmpty());
        assertEquals(List.of(new LiveReload.Line(Level.WARNING, "Refused the new value of setting v (flag --v, env V): "
                + "\"eleven\" is not a level; expected a whole number from 0 to 10 (2 logs each OIDC step). It keeps 0 "
                + "until a valid value is set.")), outcome.lines());
        assertTrue(next().lines().isEmpty(), "said once");

        source.put("v", "0");
        assertEquals(List.of(new LiveReload.Line(Level.INFO, "Setting v (flag --v, env V) is valid again, and is the "
                + "value in use: 0.")), next().lines());
    }

    @Test
    void anInvalidRestartOnlySettingDoesNotHoldBackALiveOne() {
        source.put("oidc.issuer-url", "ftp://elsewhere");
        source.put("oidc.allowed-users", "bob");
        LiveReload.Outcome outcome = next();
        assertEquals(Set.of("bob"), current.allowedUsers());
        assertEquals(TestSettings.ISSUER, current.issuerUrl().toString());
        assertTrue(outcome.lines().stream().anyMatch(line -> line.level() == Level.WARNING
                && line.message().startsWith("Setting oidc.issuer-url (flag --oidc-issuer-url, env OIDC_ISSUER_URL) "
                + "changed in its source, but takes effect only when the backend restarts; until then this server "
                + "keeps the value it started with. The new value is invalid, so a restart would leave the backend not "
                + "configured: \"ftp://elsewhere\" is not an absolute http or https URL")), outcome.lines().toString());
    }

    @Test
    void aRestartOnlySettingKeepsItsValueAndSaysARestartIsNeededWithoutShowingValues() {
        source.put("oidc.issuer-client-secret", "another-secret-never-shown");
        source.put("external-url", "https://moved.example.com");
        LiveReload.Outcome outcome = next();
        assertEquals(SECRET, current.clientSecret().reveal());
        assertEquals(TestSettings.EXTERNAL_URL, current.externalUrl().toString());
        assertTrue(outcome.changes().isEmpty());
        assertEquals(2, outcome.lines().size(), outcome.lines().toString());
        for (LiveReload.Line line : outcome.lines()) {
            assertEquals(Level.WARNING, line.level());
            assertTrue(line.message().endsWith("changed in its source, but takes effect only when the backend "
                    + "restarts; until then this server keeps the value it started with."), line.message());
            assertFalse(line.message().contains("never-shown") || line.message().contains("moved"), line.message());
        }
        assertTrue(next().lines().isEmpty(), "said once");

        source.put("external-url", TestSettings.EXTERNAL_URL);
        assertEquals(List.of(new LiveReload.Line(Level.INFO, "Setting external-url (flag --external-url, env "
                + "EXTERNAL_URL) is back to the value this server started with: no restart is needed for it.")),
                next().lines());
    }

    @Test
    void theOverridingSecretVariableIsPartOfTheSecretsSource() {
        source.put("OIDC_CLIENT_SECRET", "from-the-environment");
        List<LiveReload.Line> lines = next().lines();
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).message().startsWith("Setting oidc.issuer-client-secret "), lines.toString());
    }

    @Test
    void aRotatedKeyFileIsAChangeThatNeedsARestart(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("key"), "3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQl");
        source.put("session-signing-key-file", key.toString());
        start();
        Files.writeString(key, "f0e1d2c3b4a5968778695a4b3c2d1e0ff1e2d3c4b5a6978879605a4b3c2d1e0f");
        List<LiveReload.Line> lines = next().lines();
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).message().startsWith("Setting session-signing-key-file "), lines.toString());
        assertFalse(lines.get(0).message().contains("f0e1d2"), "never the key");
    }

    @Test
    void embeddedModeMakesANewClientAtEveryReadingButThatIsNoChange() {
        source.clear();
        source.putAll(Map.of("oidc.type", "embedded", "external-url", "http://localhost:8080"));
        start();
        String clientId = current.clientId();
        LiveReload.Outcome outcome = next();
        assertTrue(outcome.lines().isEmpty(), outcome.lines().toString());
        assertEquals(clientId, current.clientId());
    }

    @Test
    void displayedValuesAreDefusedAndListsQuotedEntryByEntry() {
        assertEquals("[\"a\", \"b\"]", LiveSetting.display(List.of("a", "b")));
        assertEquals("[]", LiveSetting.display(Set.of()));
        assertEquals("\"two?lines\"", LiveSetting.display("two\nlines"));
        assertEquals("true", LiveSetting.display(true));
    }
}
