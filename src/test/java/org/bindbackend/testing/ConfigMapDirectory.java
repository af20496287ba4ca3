package org.bindbackend.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A directory laid out and updated exactly as the kubelet mounts a Kubernetes ConfigMap as a volume (its
 * AtomicWriter): the data in a hidden directory named by the time it was written, a symbolic link {@code ..data} to
 * it, and for each key a link {@code key -> ..data/key}. An update writes a new data directory, points a new link
 * {@code ..data_tmp} at it, renames that link over {@code ..data} (the one atomic step), then adds and removes the
 * links of keys and deletes the old data directory. A key's own link never changes on an update: only what
 * {@code ..data} points at does.
 */
public final class ConfigMapDirectory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("'..'yyyy_MM_dd_HH_mm_ss.SSSSSSSSS");

    private final Path dir;
    private final Map<String, String> data = new LinkedHashMap<>();

    private ConfigMapDirectory(Path dir) {
        this.dir = dir;
    }

    /** A new directory holding {@code data}. */
    public static ConfigMapDirectory create(Map<String, String> data) throws IOException {
        ConfigMapDirectory made = new ConfigMapDirectory(Files.createTempDirectory("configmap-"));
        made.write(data);
        return made;
    }

    public Path path() {
        return dir;
    }

    /** Sets one key, as {@code kubectl edit configmap} and the kubelet's next sync would. */
    public synchronized void put(String key, String value) throws IOException {
        Map<String, String> next = new LinkedHashMap<>(data);
        next.put(key, value);
        write(next);
    }

    private void write(Map<String, String> next) throws IOException {
        Path dataDir = Files.createDirectory(dir.resolve(LocalDateTime.now().format(STAMP)));
        for (Map.Entry<String, String> entry : next.entrySet()) {
            Files.writeString(dataDir.resolve(entry.getKey()), entry.getValue());
        }
        Path current = dir.resolve("..data");
        Path old = Files.isSymbolicLink(current) ? dir.resolve(Files.readSymbolicLink(current)) : null;
        Path temporary = Files.createSymbolicLink(dir.resolve("..data_tmp"), dataDir.getFileName());
        Files.move(temporary, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        for (String key : next.keySet()) {
            if (!Files.isSymbolicLink(dir.resolve(key))) {
                Files.createSymbolicLink(dir.resolve(key), Path.of("..data", key));
            }
        }
        for (String key : data.keySet()) {
            if (!next.containsKey(key)) {
                Files.delete(dir.resolve(key));
            }
        }
        if (old != null) {
            try (Stream<Path> files = Files.list(old)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(old);
        }
        data.clear();
        data.putAll(next);
    }
}
