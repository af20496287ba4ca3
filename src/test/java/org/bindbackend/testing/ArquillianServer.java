package org.bindbackend.testing;

import java.net.URI;

/** The Payara Micro that Arquillian starts for the embedded-mode tests (src/test/resources/arquillian.xml). */
public final class ArquillianServer {

    public static final URI BASE = URI.create("http://127.0.0.1:18080");

    private ArquillianServer() {
    }
}
