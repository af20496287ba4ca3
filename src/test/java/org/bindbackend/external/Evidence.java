package org.bindbackend.external;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.bindbackend.testing.BackendServer;

/**
 * What a test saw, for its assertion messages: the answer and what the backend logged meanwhile. A failing
 * assertion then says by itself whether the backend or the test is wrong.
 */
final class Evidence {

    private final BackendServer backend;
    private final int logMark;

    private Evidence(BackendServer backend, int logMark) {
        this.backend = backend;
        this.logMark = logMark;
    }

    /** Marks the backend's log now: {@link #of} shows only what came after. */
    static Evidence from(BackendServer backend) throws IOException {
        return new Evidence(backend, backend.log().length());
    }

    /** What the backend logged since the mark. */
    String log() throws IOException {
        return backend.log().substring(logMark);
    }

    String of(HttpResponse<String> answer) throws IOException {
        return answer.statusCode() + " from " + answer.uri() + "\n" + answer.body() + "\nbackend log:\n" + log();
    }
}
