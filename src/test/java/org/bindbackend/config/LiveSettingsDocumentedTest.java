package org.bindbackend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md's table "Which settings change while running" names every setting once, says **live**
 * for exactly those of {@link LiveSetting} and restart for the others: a new setting fails here until someone
 * decides whether it may change while running, and says why.
 */
class LiveSettingsDocumentedTest {

    static final String TABLE = "### Which settings change while running";
    static final Pattern ROW = Pattern.compile("^\\| (`[^|]+`) \\| (\\*\\*live\\*\\*|restart) \\| .+ \\|$");
    static final Pattern KEY = Pattern.compile("`([^`]+)`");

    @Test
    void everySettingIsLiveOrRestartInTheTableAsLiveSettingSays() throws IOException {
        String doc = Files.readString(Path.of("docs/configuration.md"));
        int start = doc.indexOf(TABLE);
        assertTrue(start >= 0, "no section " + TABLE);
        TreeMap<String, Boolean> documented = new TreeMap<>();
        for (String line : doc.substring(start + TABLE.length()).split("\n")) {
            if (line.startsWith("#")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                Matcher key = KEY.matcher(row.group(1));
                while (key.find()) {
                    Boolean before = documented.put(key.group(1), row.group(2).contains("live"));
                    assertEquals(null, before, key.group(1) + " is in the table twice");
                }
            }
        }
        Set<String> all = Arrays.stream(Setting.values()).map(Setting::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(all, documented.keySet(), "the table's settings");
        Set<String> live = Arrays.stream(LiveSetting.values()).map(l -> l.setting().key())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(live, documented.entrySet().stream().filter(e -> e.getValue()).map(e -> e.getKey())
                .collect(Collectors.toCollection(TreeSet::new)), "the settings the table says are live");
    }
}
