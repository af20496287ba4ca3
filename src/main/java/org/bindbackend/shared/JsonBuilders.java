package org.bindbackend.shared;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.Reader;
import java.util.Collection;
import java.util.Map;

/**
 * JSON-P's builders and readers from factories made once: each {@code Json.createObjectBuilder()} call looks the
 * JSON-P provider up again through the class loaders (the token endpoint's profile once spent as long on that as
 * on its signature, docs/benchmarks.md).
 */
public final class JsonBuilders {

    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private JsonBuilders() {
    }

    public static JsonObjectBuilder object() {
        return BUILDERS.createObjectBuilder();
    }

    public static JsonObjectBuilder object(Map<String, Object> members) {
        return BUILDERS.createObjectBuilder(members);
    }

    public static JsonArrayBuilder array() {
        return BUILDERS.createArrayBuilder();
    }

    public static JsonArrayBuilder array(Collection<?> values) {
        return BUILDERS.createArrayBuilder(values);
    }

    public static JsonReader reader(Reader json) {
        return READERS.createReader(json);
    }
}
