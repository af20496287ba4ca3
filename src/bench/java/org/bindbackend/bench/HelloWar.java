package org.bindbackend.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bindbackend.bench.hello.HelloServlet;

/** Packs the hello-world WAR: {@link HelloServlet} and a minimal {@code web.xml}, nothing else. */
final class HelloWar {

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0"/>
            """;

    private HelloWar() {
    }

    /** Writes {@code hello.war} into {@code directory} and returns it; its context root is {@code /hello}. */
    static Path write(Path directory) throws IOException {
        Path war = Files.createDirectories(directory).resolve("hello.war");
        String classFile = HelloServlet.class.getName().replace('.', '/') + ".class";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war));
             InputStream servlet = HelloWar.class.getClassLoader().getResourceAsStream(classFile)) {
            if (servlet == null) {
                throw new IllegalStateException(classFile + " is not on the class path");
            }
            zip.putNextEntry(new ZipEntry("WEB-INF/web.xml"));
            zip.write(WEB_XML.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + classFile));
            servlet.transferTo(zip);
            zip.closeEntry();
        }
        return war;
    }
}
