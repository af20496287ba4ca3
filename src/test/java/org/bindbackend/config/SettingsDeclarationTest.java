package org.bindbackend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The files that list the settings agree with their declarations ({@link Setting}): the configuration tables of
 * README.md and docs/configuration.md, the launcher's flags ({@code docker/bind-backend}) and Liberty's
 * {@code server.xml}. A setting declared in the enum fails here, naming the setting and the file, until each of
 * them has it.
 */
class SettingsDeclarationTest {

    private static final String LAUNCHER = "docker/bind-backend";
    private static final String SERVER_XML = "server-config/liberty/server.xml";
    /** The launcher's flags that pass no setting of their name ({@code --cluster} takes a mode, not a boolean). */
    private static final Set<String> LAUNCHER_OWN_FLAGS = Set.of("port", "address", "log-format", "cluster",
            "preboot-commands");
    /** How the launcher passes a setting's flag on: as the system property of its key. */
    private static final String PASS_THROUGH = "properties+=(\"-D${name/#oidc-/oidc.}=$value\")";

    private static MarkdownTable readme;
    private static MarkdownTable reference;
    private static String launcher;
    private static Map<String, String> libertyDefaults;

    @BeforeAll
    static void readTheFiles() throws Exception {
        Path project = projectDirectory();
        readme = MarkdownTable.read(project, "README.md", "setting", "flag / env var", "flag / env var");
        reference = MarkdownTable.read(project, "docs/configuration.md", "key", "flag", "environment variable");
        launcher = Files.readString(project.resolve(LAUNCHER));
        libertyDefaults = new HashMap<>();
        NodeList variables = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(project.resolve(SERVER_XML).toFile()).getElementsByTagName("variable");
        for (int i = 0; i < variables.getLength(); i++) {
            Element variable = (Element) variables.item(i);
            libertyDefaults.put(variable.getAttribute("name"), variable.getAttribute("defaultValue"));
        }
    }

    /** Maven runs tests in the project directory; from elsewhere, the nearest directory above with the launcher. */
    private static Path projectDirectory() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isRegularFile(directory.resolve(LAUNCHER))) {
            directory = directory.getParent();
        }
        assertNotNull(directory, "no " + LAUNCHER + " in " + Path.of("").toAbsolutePath() + " or above it");
        return directory;
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void readmeHasARowForTheSetting(Setting setting) {
        readme.checkRow(setting);
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void theConfigurationReferenceHasARowForTheSetting(Setting setting) {
        reference.checkRow(setting);
    }

    @Test
    void everyRowOfTheTablesIsASetting() {
        Set<String> keys = Arrays.stream(Setting.values()).map(Setting::key).collect(Collectors.toSet());
        for (MarkdownTable table : List.of(readme, reference)) {
            for (String key : table.keys()) {
                assertTrue(keys.contains(key), table.file + ": the configuration table has a row for " + key
                        + ", which Setting.java does not declare");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void theLauncherOffersTheSettingsFlagAsDeclared(Setting setting) {
        String name = setting.flag().substring(2);
        String says = LAUNCHER + ": setting " + setting.key() + " is declared " + setting.launcherFlag() + ", but ";
        if (setting.launcherFlag() != Setting.LauncherFlag.NONE) {
            assertTrue(knownFlags().contains(name), says + "known_flags lacks " + name);
        }
        switch (setting.launcherFlag()) {
            case PROPERTY -> assertTrue(usageFlags().contains(name), says + "the usage text lacks --" + name);
            case REFUSED -> assertFalse(usageFlags().contains(name), says + "the usage text offers --" + name);
            case NONE -> { }
        }
        if (setting.launcherFlag() == Setting.LauncherFlag.PROPERTY) {
            assertTrue(passedThrough().contains(name), says + "the case that passes flags through lacks " + name);
            assertEquals(setting.key(), name.replaceFirst("^oidc-", "oidc."),
                    says + "its pass-through, " + PASS_THROUGH + ", does not make its key of " + name);
        } else {
            assertFalse(passedThrough().contains(name), says + "the case that passes flags through as -D has " + name);
        }
        if (setting.launcherFlag() == Setting.LauncherFlag.REFUSED) {
            String branch = "--" + name + " | --" + name + "=*) refuse ";
            String refusal = launcher.lines().filter(line -> line.strip().startsWith(branch)).findFirst()
                    .orElseThrow(() -> new AssertionError(says + "it has no \"" + branch + "...\" branch"));
            String file = setting.flag() + "-file";
            assertTrue(Arrays.stream(Setting.values()).anyMatch(s -> s.flag().equals(file)), says + "no setting "
                    + setting.key() + "-file is declared for its refusal to name");
            for (String alternative : List.of(file, setting.overridingKey().orElse(setting.envVar()))) {
                assertTrue(refusal.contains(alternative), says + "its refusal does not name " + alternative + ": "
                        + refusal);
            }
        }
    }

    @Test
    void theLaunchersFlagsAreSettingsOrItsOwn() {
        Set<String> settings = Arrays.stream(Setting.values())
                .filter(setting -> setting.launcherFlag() != Setting.LauncherFlag.NONE)
                .map(setting -> setting.flag().substring(2)).collect(Collectors.toSet());
        String neither = ", which is neither the flag of a setting that Setting.java declares with a launcher flag nor "
                + "one of the launcher's own flags " + LAUNCHER_OWN_FLAGS;
        for (String name : knownFlags()) {
            assertTrue(settings.contains(name) || LAUNCHER_OWN_FLAGS.contains(name),
                    LAUNCHER + ": known_flags has " + name + neither);
        }
        for (String name : usageFlags()) {
            assertTrue(settings.contains(name) || LAUNCHER_OWN_FLAGS.contains(name) || name.equals("help"),
                    LAUNCHER + ": the usage text has --" + name + neither);
        }
        for (String name : passedThrough()) {
            assertTrue(settings.contains(name), LAUNCHER + ": the case that passes flags through has " + name
                    + ", which is the flag of no setting that Setting.java declares");
        }
    }

    /**
     * A setting in Liberty's {@code bootstrap.properties} was seen to reach the backend when server.xml declares it
     * as a {@code <variable>} (docs/configuration.md), so server.xml declares every setting, at ordinal 1 where any
     * other source wins: blank (unset) or the setting's own default.
     */
    @ParameterizedTest
    @EnumSource(Setting.class)
    void libertyDeclaresTheSettingAsAVariable(Setting setting) {
        String byDefault = libertyDefaults.get(setting.key());
        assertNotNull(byDefault, SERVER_XML + ": no <variable name=\"" + setting.key() + "\" defaultValue=\"\"/> for "
                + "setting " + setting.key());
        assertTrue(byDefault.isBlank() || byDefault.equals(setting.byDefault()), SERVER_XML + ": the defaultValue of "
                + "setting " + setting.key() + " is \"" + byDefault + "\"; expected blank or " + setting.byDefault());
    }

    private static Set<String> knownFlags() {
        Matcher list = Pattern.compile("known_flags=\\(([^)]*)\\)").matcher(launcher);
        assertTrue(list.find(), LAUNCHER + ": no known_flags=(...)");
        return Set.of(list.group(1).trim().split("\\s+"));
    }

    private static Set<String> usageFlags() {
        int start = launcher.indexOf("<<USAGE\n");
        int end = launcher.indexOf("\nUSAGE\n", start);
        assertTrue(start >= 0 && end > start, LAUNCHER + ": no usage text between <<USAGE and USAGE");
        return Pattern.compile("--([a-z][a-z-]*)").matcher(launcher.substring(start, end)).results()
                .map(flag -> flag.group(1)).collect(Collectors.toSet());
    }

    /** The names of the {@code case} branch whose body is {@link #PASS_THROUGH}, its comment lines left out. */
    private static Set<String> passedThrough() {
        int body = launcher.indexOf(PASS_THROUGH);
        assertTrue(body >= 0, LAUNCHER + ": no case branch that does " + PASS_THROUGH);
        String branch = launcher.substring(launcher.lastIndexOf(";;", body) + 2, launcher.lastIndexOf(')', body));
        return branch.lines().filter(line -> !line.strip().startsWith("#"))
                .flatMap(line -> Arrays.stream(line.split("[\\s|\\\\]+"))).filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
    }

    /**
     * A Markdown table of settings: one row per setting, its key in backticks in the first column, the flag first
     * in its column when the launcher has it, and the environment variables in theirs.
     */
    private record MarkdownTable(String file, List<String> header, List<List<String>> rows, String flagColumn,
            String envColumn) {

        static MarkdownTable read(Path project, String file, String keyColumn, String flagColumn, String envColumn)
                throws IOException {
            List<String> lines = Files.readAllLines(project.resolve(file));
            for (int i = 0; i < lines.size(); i++) {
                List<String> header = cells(lines.get(i));
                if (!header.isEmpty() && header.get(0).equals(keyColumn) && header.contains(flagColumn)
                        && header.contains(envColumn)) {
                    List<List<String>> rows = lines.subList(i + 2, lines.size()).stream()
                            .takeWhile(line -> line.startsWith("|")).map(MarkdownTable::cells).toList();
                    return new MarkdownTable(file, header, rows, flagColumn, envColumn);
                }
            }
            throw new AssertionError(file + ": no table with the columns " + keyColumn + ", " + flagColumn + ", "
                    + envColumn);
        }

        /** A row's cells; {@code \|} is a bar inside a cell. */
        private static List<String> cells(String line) {
            if (!line.startsWith("|")) {
                return List.of();
            }
            return Stream.of(line.substring(1).split("(?<!\\\\)\\|")).map(String::strip).toList();
        }

        List<String> keys() {
            return rows.stream().map(row -> row.get(0).replace("`", "")).toList();
        }

        void checkRow(Setting setting) {
            String says = file + ": the configuration table's row for setting " + setting.key();
            List<String> row = rows.stream().filter(cells -> cells.get(0).equals(code(setting.key()))).findFirst()
                    .orElseThrow(() -> new AssertionError(file + ": the configuration table has no row for setting "
                            + setting.key() + " (flag " + setting.flag() + ", env " + setting.envVar() + ", default "
                            + setting.byDefault() + ": " + setting.summary() + ")"));
            String flags = row.get(header.indexOf(flagColumn));
            if (setting.launcherFlag() == Setting.LauncherFlag.NONE
                    || setting.launcherFlag() == Setting.LauncherFlag.REFUSED) {
                assertFalse(flags.startsWith(code(setting.flag())), says + " gives the flag " + setting.flag()
                        + ", which the launcher has not for it (" + setting.launcherFlag() + "): say what it has "
                        + "instead");
            } else {
                assertTrue(flags.startsWith(code(setting.flag())), says + " does not start column \"" + flagColumn
                        + "\" with its launcher flag " + code(setting.flag()) + ": " + flags);
            }
            String environment = row.get(header.indexOf(envColumn));
            for (String variable : environmentVariables(setting)) {
                assertTrue(environment.contains(code(variable)), says + " does not name its environment variable "
                        + code(variable) + " in column \"" + envColumn + "\": " + environment);
            }
        }

        private static List<String> environmentVariables(Setting setting) {
            return Stream.concat(Stream.of(setting.envVar()), setting.overridingKey().stream()).toList();
        }

        private static String code(String text) {
            return "`" + text + "`";
        }
    }
}
