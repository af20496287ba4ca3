package org.bindbackend.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A server's log as records, each with its continuation lines (a record begins with a line that begins with
 * {@code [}, in Payara's and Open Liberty's formats alike), and what was written since an earlier look, told apart
 * by content rather than by offset: Open Liberty's log is several files, each of which grows.
 */
public final class LogRecords {

    private final List<String> seen;

    private LogRecords(List<String> seen) {
        this.seen = seen;
    }

    /** The records {@code server} has written so far. */
    public static LogRecords of(BackendServer server) throws IOException {
        return new LogRecords(records(server.log()));
    }

    /** The records {@code server} has written since this look. */
    public List<String> since(BackendServer server) throws IOException {
        Map<String, Integer> before = new HashMap<>();
        seen.forEach(record -> before.merge(record, 1, Integer::sum));
        List<String> added = new ArrayList<>();
        for (String record : records(server.log())) {
            if (before.getOrDefault(record, 0) > 0) {
                before.merge(record, -1, Integer::sum);
            } else {
                added.add(record);
            }
        }
        return added;
    }

    private static List<String> records(String log) {
        List<String> records = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("[") || records.isEmpty()) {
                records.add(line);
            } else {
                records.set(records.size() - 1, records.get(records.size() - 1) + "\n" + line);
            }
        }
        return records;
    }
}
