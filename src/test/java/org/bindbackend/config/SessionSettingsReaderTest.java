package org.bindbackend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings of the sessions' keys and of the revocations kept across restarts. */
class SessionSettingsReaderTest {

    private static final String KEY = "q8Xv0m2LrT9cW4nHj7Kp1sZ6bY3fA5eG8uD0iQ2wE4rT6yU9oP1aS3dF5gH7jK0l";
    private static final String NEXT = "Zt4c8Qy1uN0wP5rK2mX7vB9jL3hD6fG1sA8eR4tY0iU2oW5qE7zC9xV3bN6mK1lP";
    private static final Map<String, String> EXTERNAL = Map.of(
            "oidc.issuer-url", "https://login.example.com/realms/main",
            "oidc.issuer-client-id", "bind",
            "external-url", "https://bind.example.com");

    private static SettingsResult read(String... keyValues) {
        Map<String, String> values = new HashMap<>(EXTERNAL);
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return SettingsReader.read(key -> Optional.ofNullable(values.get(key)));
    }

    private static SettingProblem onlyProblem(String... keyValues) {
        List<SettingProblem> problems = read(keyValues).problems();
        assertEquals(1, problems.size(), () -> "problems: " + problems);
        return problems.get(0);
    }

    @Test
    void acceptedKeysAreAListOfKeysBesidesTheSigningKey(@TempDir Path dir) throws IOException {
        SessionSettings inline = read("session-signing-key", KEY, "session-accepted-keys", NEXT + ", " + KEY)
                .settings().orElseThrow().sessions();
        assertEquals(2, inline.acceptedKeys().size());
        Path file = Files.writeString(dir.resolve("accepted"), NEXT + "\n");
        SessionSettings fromFile = read("session-signing-key", KEY, "session-accepted-keys-file", file.toString())
                .settings().orElseThrow().sessions();
        assertEquals(1, fromFile.acceptedKeys().size());
        assertTrue(read("session-signing-key", KEY).settings().orElseThrow().sessions().acceptedKeys().isEmpty());
    }

    @Test
    void anAcceptedKeyThatIsNoKeyIsNamedWithoutShowingIt() {
        SettingProblem problem = onlyProblem("session-signing-key", KEY, "session-accepted-keys",
                NEXT + ",a-typed-passphrase-that-is-no-key-at-all");
        assertEquals(Setting.SESSION_ACCEPTED_KEYS, problem.setting());
        assertFalse(problem.message().contains("passphrase-that") || problem.message().contains(NEXT), problem.message());
    }

    @Test
    void acceptedKeysNeedASigningKeyAndOneSourceOnly(@TempDir Path dir) throws IOException {
        assertEquals(Setting.SESSION_ACCEPTED_KEYS, onlyProblem("session-accepted-keys", NEXT).setting());
        Path file = Files.writeString(dir.resolve("accepted"), NEXT);
        assertEquals(Setting.SESSION_ACCEPTED_KEYS_FILE, onlyProblem("session-signing-key", KEY,
                "session-accepted-keys", NEXT, "session-accepted-keys-file", file.toString()).setting());
        assertEquals(Setting.SESSION_ACCEPTED_KEYS_FILE, onlyProblem("session-signing-key", KEY,
                "session-accepted-keys-file", dir.resolve("missing").toString()).setting());
    }

    @Test
    void theRevocationsFileIsAFileInAFolderThatExists(@TempDir Path dir) throws IOException {
        assertEquals(Optional.of(dir.resolve("revocations")), read("revocations-file",
                dir.resolve("revocations").toString()).settings().orElseThrow().sessions().revocationsFile());
        assertEquals(Setting.REVOCATIONS_FILE, onlyProblem("revocations-file",
                dir.resolve("no-such-folder").resolve("revocations").toString()).setting());
        assertEquals(Setting.REVOCATIONS_FILE, onlyProblem("revocations-file", dir.toString()).setting(),
                "a folder is not a file");
        assertEquals(Optional.empty(), read().settings().orElseThrow().sessions().revocationsFile());
    }
}
