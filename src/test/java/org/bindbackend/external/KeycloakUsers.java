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
 * Keycloak's admin API, as an administrator uses it: who a user is (so that a test can check the backend reports
 * the subject Keycloak gave the user, a UUID made at realm import, not merely some UUID), where a client's
 * back-channel logouts go, and ending a user's sessions.
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

    /** Ends every session of {@code user} at Keycloak, as an administrator does (Users > Sessions > Sign out). */
    static void logOut(KeycloakServer keycloak, RealmUser user) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(keycloak.sslContext()).build();
        URI logout = URI.create(admin(keycloak) + "/users/" + id(keycloak, user) + "/logout");
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(logout)
                .header("Authorization", "Bearer " + adminToken(client, keycloak))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, answer.statusCode(), answer.body());
    }

    /** Makes Keycloak send the back-channel logouts of the client {@code clientId} to {@code uri}. */
    static void sendBackChannelLogoutsTo(KeycloakServer keycloak, String clientId, URI uri)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(keycloak.sslContext()).build();
        String token = adminToken(client, keycloak);
        HttpResponse<String> found = client.send(HttpRequest.newBuilder(URI.create(admin(keycloak)
                + "/clients?clientId=" + encode(clientId))).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, found.statusCode(), found.body());
        JsonObject registered = Json.createReader(new StringReader(found.body())).readArray().getJsonObject(0);
        JsonObject changed = Json.createObjectBuilder(registered)
                .add("attributes", Json.createObjectBuilder(registered.getJsonObject("attributes"))
                        .add("backchannel.logout.url", uri.toString()))
                .build();
        HttpResponse<String> updated = client.send(HttpRequest.newBuilder(URI.create(admin(keycloak) + "/clients/"
                        + registered.getString("id"))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(changed.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, updated.statusCode(), updated.body());
    }

    private static String admin(KeycloakServer keycloak) {
        return "https://127.0.0.1:" + keycloak.port() + "/admin/realms/" + KeycloakServer.REALM;
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
