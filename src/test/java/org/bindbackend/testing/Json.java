package org.bindbackend.testing;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;

/** Reading the backend's JSON answers in tests. */
public final class Json {

    private Json() {
    }

    public static JsonObject object(String body) {
        return jakarta.json.Json.createReader(new StringReader(body)).readObject();
    }

    public static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString::getString);
    }
}
