package org.bindbackend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bindbackend.testing.ConfigMapDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WAR's own directory source follows a ConfigMap's update, and reads nothing but a setting's own file. */
class SettingsDirectoryTest {

    @Test
    void followsTheKubeletsUpdateOfAConfigMap() throws Exception {
        ConfigMapDirectory configMap = ConfigMapDirectory.create(Map.of("oidc.allowed-users", "alice\n"));
        SettingsDirectory source = new SettingsDirectory(Optional.of(configMap.path()));
        assertEquals("alice", source.getValue("oidc.allowed-users"), "the YAML block's line break is no part of it");
        configMap.put("oidc.allowed-users", "alice,bob");
        configMap.put("v", "2");
        assertEquals("alice,bob", source.getValue("oidc.allowed-users"));
        assertEquals(Map.of("oidc.allowed-users", "alice,bob", "v", "2"), source.getProperties());
        assertEquals(Set.of("oidc.allowed-users", "v"), source.getPropertyNames(), "not ..data and the like");
    }

    @Test
    void readsOnlyAFileOfTheKeysNameInTheDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("..data"), "hidden");
        Files.createDirectory(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub").resolve("v"), "2");
        Files.write(dir.resolve("huge"), new byte[(int) SettingsDirectory.MAX_BYTES + 1]);
        SettingsDirectory source = new SettingsDirectory(Optional.of(dir));
        assertNull(source.getValue("..data"));
        assertNull(source.getValue("sub/v"));
        assertNull(source.getValue("../" + dir.getFileName() + "/sub/v"));
        assertNull(source.getValue("sub"));
        assertNull(source.getValue("huge"));
        assertNull(source.getValue("absent"));
        assertEquals(Set.of(), source.getPropertyNames());
    }

    @Test
    void withoutADirectoryItIsEmpty() {
        SettingsDirectory source = new SettingsDirectory(Optional.empty());
        assertNull(source.getValue("v"));
        assertEquals(Map.of(), source.getProperties());
        assertEquals(SettingsDirectory.ORDINAL, source.getOrdinal());
    }
}
