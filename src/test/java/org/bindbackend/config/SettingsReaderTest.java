package org.bindbackend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsReaderTest {

    private static final Map<String, String> EXTERNAL = Map.of(
            "oidc.type", "external",
            "oidc.issuer-url", "https://login.example.com/realms/main",
            "oidc.issuer-client-id", "bind",
            "oidc.issuer-client-secret", "s3cret",
            "external-url", "https://bind.example.com");

    private static SettingsResult read(Map<String, String> values) {
        return SettingsReader.read(key -> Optional.ofNullable(values.get(key)));
    }

    private static Map<String, String> with(Map<String, String> base, String... keyValues) {
        Map<String, String> values = new HashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    private static SettingProblem onlyProblem(Map<String, String> values) {
        List<SettingProblem> problems = read(values).problems();
        assertEquals(1, problems.size(), () -> "problems: " + problems);
        return problems.get(0);
    }

    @Test
    void defaultsToExternalModeSoThatAForgottenSettingOpensNothing() {
        SettingsResult result = read(Map.of());
        assertTrue(result.settings().isEmpty());
        Set<Setting> missing = Set.copyOf(result.problems().stream().map(SettingProblem::setting).toList());
        assertEquals(Set.of(Setting.OIDC_ISSUER_URL, Setting.OIDC_ISSUER_CLIENT_ID), missing);
    }

    /** The reader applies the defaults Setting declares; these are the values the documentation gives. */
    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        Settings settings = read(Map.of("oidc.issuer-url", "https://login.example.com/realms/main",
                "oidc.issuer-client-id", "bind")).settings().orElseThrow();
        assertEquals(OidcMode.EXTERNAL, settings.mode());
        assertEquals(URI.create("http://localhost:8080"), settings.externalUrl());
        assertEquals("preferred_username", settings.usernameClaim());
        assertEquals("email", settings.emailClaim());
        assertEquals("groups", settings.groupsClaim());
        assertEquals(Set.of("RS256"), settings.signingAlgorithms());
        assertEquals("bind-backend", settings.providerPrettyName());
        assertEquals(Duration.ofHours(1), settings.sessions().tokenExpiry());
        assertFalse(settings.sessions().endProviderSession());
        assertFalse(settings.sessions().clustered());
        assertEquals(0, settings.verbosity());
    }

    @Test
    void embeddedModeNeedsNothingElseAndGeneratesItsClient() {
        Settings settings = read(Map.of("oidc.type", "embedded")).settings().orElseThrow();
        assertEquals(URI.create("http://localhost:8080/oidc"), settings.issuerUrl());
        assertEquals(URI.create("http://localhost:8080/api/callback"), settings.callbackUrl());
        assertTrue(settings.clientGenerated());
        Settings again = read(Map.of("oidc.type", "embedded")).settings().orElseThrow();
        assertNotEquals(settings.clientId(), again.clientId());
        assertNotEquals(settings.clientSecret().reveal(), again.clientSecret().reveal());
        assertTrue(settings.clientSecret().reveal().length() >= 40);
    }

    @Test
    void embeddedModeDerivesTheServerFromTheSeedsFlags() {
        Settings settings = read(Map.of("oidc.type", "embedded",
                "oidc.issuer-url", "https://bind.example.com/oidc",
                "oidc.callback-url", "https://bind.example.com/api/callback")).settings().orElseThrow();
        assertEquals(URI.create("https://bind.example.com"), settings.externalUrl());
        assertTrue(settings.secure());
    }

    @Test
    void embeddedIssuerMustPointAtThisServer() {
        SettingProblem problem = onlyProblem(Map.of("oidc.type", "embedded",
                "external-url", "http://127.0.0.1:9000", "oidc.issuer-url", "https://elsewhere.example.com/oidc"));
        assertEquals(Setting.OIDC_ISSUER_URL, problem.setting());
        assertTrue(problem.message().contains("http://127.0.0.1:9000/oidc"), problem.message());
    }

    @Test
    void callbackMustBeThisServersCallback() {
        SettingProblem problem = onlyProblem(with(EXTERNAL, "oidc.callback-url", "https://bind.example.com/callback"));
        assertEquals(Setting.OIDC_CALLBACK_URL, problem.setting());
        assertTrue(problem.message().contains("https://bind.example.com/api/callback"), problem.message());
    }

    @Test
    void unknownModeIsNamedWithItsFlagAndEnvVar() {
        SettingProblem problem = onlyProblem(with(EXTERNAL, "oidc.type", "mock"));
        assertEquals("Invalid setting oidc.type (flag --oidc-type, env OIDC_TYPE): \"mock\" is not a mode; "
                + "expected external or embedded.", problem.message());
    }

    @Test
    void issuerMustBeAnHttpUrl() {
        SettingProblem problem = onlyProblem(with(EXTERNAL, "oidc.issuer-url", "ftp://login.example.com"));
        assertEquals(Setting.OIDC_ISSUER_URL, problem.setting());
        assertTrue(problem.problem().contains("not an absolute http or https URL"));
    }

    @Test
    void issuerTrailingSlashIsDropped() {
        Settings settings = read(with(EXTERNAL, "oidc.issuer-url", "https://login.example.com/realms/main/"))
                .settings().orElseThrow();
        assertEquals(URI.create("https://login.example.com/realms/main"), settings.issuerUrl());
    }

    @Test
    void secretComesFromTheKubeBindEnvironmentVariableFirst() {
        Map<String, String> values = with(EXTERNAL, "OIDC_CLIENT_SECRET", "from-env");
        assertEquals("from-env", read(values).settings().orElseThrow().clientSecret().reveal());
        values.remove("oidc.issuer-client-secret");
        assertTrue(read(values).settings().isPresent());
    }

    /** A mounted secret: the file's text without the line end; the same client as the secret given itself. */
    @Test
    void theClientSecretCanComeFromAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("client-secret"), "from-a-file\n");
        Map<String, String> values = with(EXTERNAL, "oidc.issuer-client-secret-file", file.toString());
        values.remove("oidc.issuer-client-secret");
        Settings settings = read(values).settings().orElseThrow();
        assertEquals("from-a-file", settings.clientSecret().reveal());
        assertFalse(settings.publicClient());
        Settings embedded = read(Map.of("oidc.type", "embedded", "oidc.issuer-client-id", "dev",
                "oidc.issuer-client-secret-file", file.toString())).settings().orElseThrow();
        assertEquals("from-a-file", embedded.clientSecret().reveal());
    }

    @Test
    void aClientSecretFileThatIsMissingOrEmptyIsRefused(@TempDir Path dir) throws IOException {
        Map<String, String> values = new HashMap<>(EXTERNAL);
        values.remove("oidc.issuer-client-secret");
        values.put("oidc.issuer-client-secret-file", dir.resolve("missing").toString());
        SettingProblem missing = onlyProblem(values);
        assertEquals(Setting.OIDC_ISSUER_CLIENT_SECRET_FILE, missing.setting());
        assertTrue(missing.problem().contains("cannot be read (NoSuchFileException)"), missing.message());

        values.put("oidc.issuer-client-secret-file", Files.writeString(dir.resolve("blank"), " \r\n\n").toString());
        SettingProblem blank = onlyProblem(values);
        assertEquals(Setting.OIDC_ISSUER_CLIENT_SECRET_FILE, blank.setting());
        assertTrue(blank.problem().endsWith("is empty"), blank.message());
    }

    /** The file or the value, never both: which one would win is nothing an operator should have to guess. */
    @Test
    void theClientSecretIsGivenOnceAsAFileOrAsAValue(@TempDir Path dir) throws IOException {
        String file = Files.writeString(dir.resolve("client-secret"), "from-a-file").toString();
        for (String valueKey : List.of("oidc.issuer-client-secret", "OIDC_CLIENT_SECRET")) {
            Map<String, String> values = with(EXTERNAL, "oidc.issuer-client-secret-file", file);
            values.remove("oidc.issuer-client-secret");
            values.put(valueKey, "from-the-environment");
            SettingProblem both = onlyProblem(values);
            assertEquals(Setting.OIDC_ISSUER_CLIENT_SECRET_FILE, both.setting());
            assertTrue(both.problem().contains("set together with oidc.issuer-client-secret (or OIDC_CLIENT_SECRET)"),
                    both.message());
            assertFalse(both.message().contains("from-a-file") || both.message().contains("from-the-environment"),
                    "a secret in a problem: " + both.message());
        }
    }

    @Test
    void secretNeverAppearsInAProblemOrInToString() {
        Map<String, String> values = with(EXTERNAL, "oidc.type", "embedded", "oidc.issuer-client-id", "",
                "oidc.issuer-url", "", "external-url", "");
        values.put("oidc.issuer-client-secret", "topsecret-value");
        SettingsResult result = read(values);
        assertFalse(result.problems().toString().contains("topsecret-value"));
        Settings settings = read(EXTERNAL).settings().orElseThrow();
        assertFalse(settings.toString().contains("s3cret"));
    }

    @Test
    void embeddedClientIdWithoutSecretIsRefused() {
        SettingProblem problem = onlyProblem(Map.of("oidc.type", "embedded", "oidc.issuer-client-id", "dev"));
        assertEquals(Setting.OIDC_ISSUER_CLIENT_SECRET, problem.setting());
    }

    @Test
    void tokenExpiryReadsGoDurations() {
        assertEquals(Duration.ofMinutes(90), read(with(EXTERNAL, "token-expiry", "1h30m")).settings().orElseThrow().sessions().tokenExpiry());
        assertEquals(Duration.ofHours(1), read(EXTERNAL).settings().orElseThrow().sessions().tokenExpiry());
        assertEquals(Setting.TOKEN_EXPIRY, onlyProblem(with(EXTERNAL, "token-expiry", "soon")).setting());
        assertEquals(Setting.TOKEN_EXPIRY, onlyProblem(with(EXTERNAL, "token-expiry", "0s")).setting());
        assertEquals(Setting.TOKEN_EXPIRY, onlyProblem(with(EXTERNAL, "token-expiry", "48h")).setting());
    }

    @Test
    void verbosityIsASmallNumber() {
        assertEquals(2, read(with(EXTERNAL, "v", "2")).settings().orElseThrow().verbosity());
        assertEquals(Setting.VERBOSITY, onlyProblem(with(EXTERNAL, "v", "debug")).setting());
    }

    @Test
    void signingAlgorithmsNeverIncludeNoneOrHmac() {
        assertEquals(Set.of("RS256"), read(EXTERNAL).settings().orElseThrow().signingAlgorithms());
        assertEquals(Setting.OIDC_SIGNING_ALGORITHMS, onlyProblem(with(EXTERNAL, "oidc.signing-algorithms", "RS256,none")).setting());
        assertEquals(Setting.OIDC_SIGNING_ALGORITHMS, onlyProblem(with(EXTERNAL, "oidc.signing-algorithms", "HS256")).setting());
    }

    @Test
    void authorizeUrlIsForExternalModeOnly() {
        assertEquals(Optional.of(URI.create("https://login.example.com/auth")),
                read(with(EXTERNAL, "oidc.authorize-url", "https://login.example.com/auth")).settings().orElseThrow().authorizeUrl());
        assertEquals(Setting.OIDC_AUTHORIZE_URL,
                onlyProblem(Map.of("oidc.type", "embedded", "oidc.authorize-url", "https://x.example.com/auth")).setting());
    }

    @Test
    void caFileMustHoldPemCertificates(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.pem");
        assertEquals(Setting.OIDC_CA_FILE, onlyProblem(with(EXTERNAL, "oidc.ca-file", missing.toString())).setting());
        Path notPem = Files.writeString(dir.resolve("ca.txt"), "hello");
        assertTrue(onlyProblem(with(EXTERNAL, "oidc.ca-file", notPem.toString())).problem().contains("no PEM certificate"));
    }

    @Test
    void allowListsAreCommaOrSpaceSeparated() {
        Settings settings = read(with(EXTERNAL, "oidc.allowed-users", "alice, bob", "oidc.allowed-groups", "admins ops"))
                .settings().orElseThrow();
        assertEquals(Set.of("alice", "bob"), settings.allowedUsers());
        assertEquals(Set.of("admins", "ops"), settings.allowedGroups());
        assertTrue(settings.restrictsUsers());
    }

    @Test
    void externalUrlMustBeAtTheRootOfItsHost() {
        assertEquals(Setting.EXTERNAL_URL, onlyProblem(with(EXTERNAL, "external-url", "https://bind.example.com/app")).setting());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        SettingsResult result = read(Map.of("oidc.type", "embedded", "token-expiry", "x", "v", "y", "oidc.ca-file", "/nope"));
        assertEquals(3, result.problems().size());
    }

    @Test
    void scopesStartWithOpenidAndAddTheExtras() {
        assertEquals("openid profile email groups offline_access",
                read(with(EXTERNAL, "oidc.extra-scopes", "groups,offline_access")).settings().orElseThrow().scopes());
    }

    @Test
    void anHttpProviderIsRefusedUnlessItIsOnThisMachine() {
        SettingProblem problem = onlyProblem(with(EXTERNAL, "oidc.issuer-url", "http://login.example.com/realms/main"));
        assertEquals(Setting.OIDC_ISSUER_URL, problem.setting());
        assertTrue(problem.message().contains("in clear"), problem.message());
        assertEquals(Setting.OIDC_AUTHORIZE_URL,
                onlyProblem(with(EXTERNAL, "oidc.authorize-url", "http://login.example.com/auth")).setting());
        for (String local : List.of("http://localhost:8081/realms/main", "http://127.0.0.1:8081", "http://127.1.2.3",
                "http://[::1]:9000/x", "http://login.localhost")) {
            assertTrue(read(with(EXTERNAL, "oidc.issuer-url", local)).problems().isEmpty(), local);
        }
    }

    @Test
    void aSessionKeyIsAtLeast32RandomBytesInHexOrBase64() {
        String base64 = "q8Xv0m2LrT9cW4nHj7Kp1sZ6bY3fA5eG8uD0iQ2wE4rT6yU9oP1aS3dF5gH7jK0l";
        String base64Url = "q8Xv0m2LrT9cW4nHj7Kp1sZ6bY3fA5eG8uD0iQ2wE4r-";
        String hex = "9f3c51e0a7b24d6e8c01f5a3b9d72e4c6a8b0d1f2e3c4b5a69788796a5b4c3d2";
        for (String key : List.of(base64, base64Url, hex, " " + hex + "\n")) {
            Settings settings = read(with(EXTERNAL, "session-signing-key", key)).settings().orElseThrow();
            assertTrue(settings.sessions().signingKey().orElseThrow().bytes().length >= SessionKey.MIN_BYTES, key);
        }
    }

    @Test
    void aTypedPassphraseOrAShortKeyIsNotASessionKey() {
        for (String key : List.of("correct horse battery staple and then some more words",
                "thisisaverylongpassphrasethatsomebodytypedintotheconsole", "a-key-shared-by-every-replica-0123456789",
                "correcthorsebatterystaplecorrecthorsebatterystaple", "replicas-share-this-key-of-more-than-32-bytes",
                "compose-only-session-signing-key-of-more-than-32-bytes",
                "deadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef",
                "0123456789012345678901234567890123456789012345678901234567890123",
                "q8Xv0m2LrT9cW4nHj7Kp1sZ6bY3fA5eG", "c2hvcnQ=")) {
            SettingProblem problem = onlyProblem(with(EXTERNAL, "session-signing-key", key));
            assertEquals(Setting.SESSION_SIGNING_KEY, problem.setting(), key);
            assertTrue(problem.message().contains(SessionKey.HOW_TO_MAKE), problem.message());
            assertFalse(problem.message().contains(key.strip()), "the key reached the message: " + problem.message());
        }
    }

    @Test
    void randomKeysAreAccepted() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 40_000; i++) {
            byte[] bytes = new byte[i < 20_000 ? SessionKey.MIN_BYTES : 48];
            random.nextBytes(bytes);
            String key = i % 2 == 0 ? Base64.getEncoder().encodeToString(bytes) : HexFormat.of().formatHex(bytes);
            assertTrue(SessionKey.parse(key).isPresent(), key);
        }
    }

    @Test
    void clusteringNeedsASharedSessionKey() {
        SettingProblem problem = onlyProblem(with(EXTERNAL, "cluster", "true"));
        assertEquals(Setting.CLUSTER, problem.setting());
        assertTrue(problem.message().contains("session-signing-key"), problem.message());
        Settings clustered = read(with(EXTERNAL, "cluster", "true", "session-signing-key",
                "q8Xv0m2LrT9cW4nHj7Kp1sZ6bY3fA5eG8uD0iQ2wE4rT6yU9oP1aS3dF5gH7jK0l")).settings().orElseThrow();
        assertTrue(clustered.sessions().clustered());
        assertFalse(read(EXTERNAL).settings().orElseThrow().sessions().clustered(), "off unless asked for");
    }

    @Test
    void withoutASecretTheBackendIsAPublicClientWithPkce() {
        Map<String, String> values = new HashMap<>(EXTERNAL);
        values.remove("oidc.issuer-client-secret");
        Settings settings = read(values).settings().orElseThrow();
        assertTrue(settings.publicClient());
        assertEquals(PkceMode.S256, settings.pkce());
        values.put("oidc.pkce", "off");
        SettingProblem problem = onlyProblem(values);
        assertEquals(Setting.OIDC_PKCE, problem.setting());
        assertTrue(problem.message().contains("public client"), problem.message());
    }

    @Test
    void pkceIsOnWhenTheProviderListsItUnlessTold() {
        assertEquals(PkceMode.AUTO, read(EXTERNAL).settings().orElseThrow().pkce());
        assertEquals(PkceMode.S256, read(with(EXTERNAL, "oidc.pkce", "S256")).settings().orElseThrow().pkce());
        assertEquals(PkceMode.OFF, read(with(EXTERNAL, "oidc.pkce", "off")).settings().orElseThrow().pkce());
        assertEquals(Setting.OIDC_PKCE, onlyProblem(with(EXTERNAL, "oidc.pkce", "plain")).setting());
        assertFalse(read(EXTERNAL).settings().orElseThrow().publicClient());
    }
}
