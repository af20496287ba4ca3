package org.bindbackend.external;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.bindbackend.testing.KeycloakServer;

/**
 * Asks Keycloak's admin API who a user is, so that a test can check the backend reports the subject Keycloak
 * gave the user (a UUID made at realm import), not merely some UUID.
 */
final class KeycloakUsers {

    private KeycloakUsers() {
    }

    /** The user's id in the realm: the {@code sub} of that user's ID tokens. */
    static String id(KeycloakServer keycloak, RealmUser user) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(keycloak.sslContext()).build();
        URI users = URI.create("https://127.0.0.1:" + keycloak.port() + "/admin/realms/" + KeycloakServer.REALM
                + "/users?exact=true&username=" + user.username());
        HttpResponse<String> found = client.send(HttpRequest.newBuilder(users)
                .header("Authorization", "Bearer " + adminToken(client, keycloak)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, found.statusCode(), found.body());
        JsonArray matches = Json.createReader(new StringReader(found.body())).readArray();
        assertEquals(1, matches.size(), found.body());
        return matches.getJsonObject(0).getString("id");
    }

    /** An access token of the bootstrap admin, from the master realm's {@code admin-cli} client. */
    private static String adminToken(HttpClient client, KeycloakServer keycloak) throws IOException, InterruptedException {
        URI endpoint = URI.create("https://127.0.0.1:" + keycloak.port() + "/realms/master/protocol/openid-connect/token");
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(KeycloakServer.ADMIN_USERNAME)
                + "&password=" + encode(KeycloakServer.ADMIN_PASSWORD);
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject tokens = Json.createReader(new StringReader(answer.body())).readObject();
        return tokens.getString("access_token");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
