package org.bindbackend.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bindbackend.bench.floor.FloorApplication;
import org.bindbackend.bench.floor.FloorLogin;
import org.bindbackend.bench.floor.FloorPage;
import org.bindbackend.bench.floor.FloorReadiness;
import org.bindbackend.bench.floor.FloorResource;
import org.bindbackend.bench.floor.FloorSettings;
import org.bindbackend.bench.hello.HelloServlet;

/** Packs the WARs the start-up benchmark compares the backend with, from classes on the harness's class path. */
final class BenchWars {

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0"/>
            """;
    /** The backend's own context root. */
    private static final String PAYARA_WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <payara-web-app><context-root>/</context-root></payara-web-app>
            """;
    /** The backend's own bean discovery mode. */
    private static final String BEANS_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

    private BenchWars() {
    }

    /** {@code hello.war}: {@link HelloServlet} and a minimal {@code web.xml}; it answers {@code /hello/}. */
    static Path hello(Path directory) throws IOException {
        return write(directory.resolve("hello.war"), Map.of("WEB-INF/web.xml", WEB_XML), List.of(HelloServlet.class));
    }

    /**
     * {@code floor.war}: the backend's APIs and annotations with none of its code (see the {@code floor} package),
     * at the root like the backend; it answers {@code /api/healthz}, and {@code /api/callback} after a login.
     */
    static Path floor(Path directory) throws IOException {
        Map<String, String> descriptors = new LinkedHashMap<>();
        descriptors.put("WEB-INF/web.xml", WEB_XML);
        descriptors.put("WEB-INF/beans.xml", BEANS_XML);
        descriptors.put("WEB-INF/payara-web.xml", PAYARA_WEB_XML);
        return write(directory.resolve("floor.war"), descriptors, List.of(FloorApplication.class,
                FloorResource.class, FloorLogin.class, FloorSettings.class, FloorReadiness.class, FloorPage.class));
    }

    private static Path write(Path war, Map<String, String> descriptors, List<Class<?>> classes) throws IOException {
        Files.createDirectories(war.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
            for (Map.Entry<String, String> descriptor : descriptors.entrySet()) {
                zip.putNextEntry(new ZipEntry(descriptor.getKey()));
                zip.write(descriptor.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            for (Class<?> type : classes) {
                String classFile = type.getName().replace('.', '/') + ".class";
                try (InputStream bytes = BenchWars.class.getClassLoader().getResourceAsStream(classFile)) {
                    if (bytes == null) {
                        throw new IllegalStateException(classFile + " is not on the class path");
                    }
                    zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + classFile));
                    bytes.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
        return war;
    }
}
