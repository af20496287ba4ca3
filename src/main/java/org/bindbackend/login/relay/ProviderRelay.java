package org.bindbackend.login.relay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.http.Loopback;
import org.bindbackend.http.Route;
import org.bindbackend.logs.Logs;
import org.bindbackend.provider.ProviderClient;
import org.bindbackend.provider.ProviderException;
import org.bindbackend.provider.ProviderHttp;
import org.bindbackend.provider.ProviderMetadata;
import org.bindbackend.shared.FormEncoding;
import org.bindbackend.shared.RandomTokens;

/**
 * The container's OpenID Connect client reaches the provider through this backend: its annotation names the relay
 * as the provider ({@code ContainerMechanismConfig}), and the relay's URLs as the token, UserInfo and key endpoints, so that
 * each answer the container reads is bounded in time and size by {@link ProviderHttp}, and trusts
 * {@code oidc.ca-file} like the backend's own calls, without changing the JVM's TLS defaults. Only the browser
 * goes to the provider itself, to its authorization endpoint.
 *
 * <p>Nothing but the container's client may use it: its URLs carry a random key made at each start and never
 * logged, compared in constant time, and a request must come from this host. It forwards to the endpoints of the
 * provider's verified discovery document only, a bounded body and the headers client authentication needs, and
 * passes back the status, the media type and the body, nothing else.
 */
@ApplicationScoped
public class ProviderRelay {

    private static final Logger LOG = Logs.of(ProviderRelay.class);
    /** A token request is a few hundred bytes; one with a client assertion a few kilobytes. */
    static final int MAX_REQUEST_BYTES = 16 * 1024;

    /** The endpoints relayed, by the last segment of their relay URL. */
    public enum Endpoint {
        DISCOVERY(".well-known/openid-configuration"), TOKEN("token"), USERINFO("userinfo"), JWKS("jwks");

        private final String segment;

        Endpoint(String segment) {
            this.segment = segment;
        }

        static Optional<Endpoint> of(String segment) {
            for (Endpoint endpoint : values()) {
                if (endpoint.segment.equals(segment)) {
                    return Optional.of(endpoint);
                }
            }
            return Optional.empty();
        }
    }

    /** What the relay answers: the provider's status, media type and body. */
    public record Answer(int status, String mediaType, byte[] body) {
    }

    @Inject
    ProviderClient provider;

    @Inject
    BackendSettings backendSettings;

    private final String key = RandomTokens.next();
    private final ExpectedExchanges expected = new ExpectedExchanges();
    private volatile String base;

    /**
     * The relay URL of {@code endpoint}, on the address and port {@code request} reached this server at (so that
     * the container's client, in this process, reaches it too).
     */
    public String url(Endpoint endpoint, HttpServletRequest request) {
        return base(request) + "/" + endpoint.segment;
    }

    /**
     * The relay's own URL, which the container takes for the provider's: it fetches its discovery document from
     * below it, {@link Endpoint#DISCOVERY}.
     */
    public String base(HttpServletRequest request) {
        String known = base;
        if (known == null) {
            String host = request.getLocalAddr().contains(":") ? "[" + request.getLocalAddr() + "]" : request.getLocalAddr();
            known = "http://" + host + ":" + request.getLocalPort() + request.getContextPath() + Route.RELAY_PATH + "/" + key;
            base = known;
        }
        return known;
    }

    /** The endpoint a request to the relay asks for, if it is from this host and carries the key. */
    public Optional<Endpoint> endpoint(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || !request.getRemoteAddr().equals(request.getLocalAddr()) && !Loopback.isLoopbackAddress(request.getRemoteAddr())) {
            return Optional.empty();
        }
        String[] keyAndEndpoint = info.substring(1).split("/", 2);
        if (keyAndEndpoint.length != 2 || !MessageDigest.isEqual(keyAndEndpoint[0].getBytes(StandardCharsets.US_ASCII),
                key.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Endpoint.of(keyAndEndpoint[1]);
    }

    /** A code expected for as long as its callback has the container exchange it: closing forgets it. */
    public interface ExpectedExchange extends AutoCloseable {

        @Override
        void close();
    }

    /**
     * A callback brought {@code code} of a login whose authorization request carried a PKCE challenge: until the
     * returned exchange is closed, when that callback's handling ends whatever the container did, the container's
     * token request for that code gets {@code verifier} (RFC 7636 §4.5), which the container cannot send itself.
     * Without a code or a verifier there is nothing to expect.
     */
    public ExpectedExchange expectExchange(String code, String verifier) {
        if (code == null || verifier == null || !expected.expect(code, verifier)) {
            return () -> { };
        }
        return () -> expected.forget(code, verifier);
    }

    /**
     * Forwards the container's request to the provider's endpoint and reads its answer.
     *
     * @param authorization the request's Authorization header (client authentication, or the access token), or null
     * @param contentType   the request's Content-Type, or null
     * @param body          the request's body (POST), or null (GET)
     */
    public Answer forward(Endpoint endpoint, String authorization, String contentType, byte[] body) throws ProviderException {
        ProviderMetadata discovery = provider.discovery();
        URI target = switch (endpoint) {
            case DISCOVERY -> discovery.source();
            case TOKEN -> discovery.tokenEndpoint();
            case USERINFO -> discovery.userinfoEndpoint().orElseThrow(() -> new ProviderException(
                    ProviderException.Kind.BAD_RESPONSE, discovery.issuer(), "names no userinfo_endpoint", null));
            case JWKS -> discovery.jwksUri();
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(target).header("Accept", "application/json");
        boolean publicClient = endpoint == Endpoint.TOKEN && backendSettings.get().publicClient();
        if (authorization != null && !publicClient) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.GET();
        } else if (endpoint == Endpoint.TOKEN) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(tokenRequest(body, publicClient, target)));
        } else {
            request.header("Content-Type", contentType == null ? "application/x-www-form-urlencoded" : contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> response = provider.http().send(request.build());
        LOG.log(Level.FINE, "Relayed the container''s {0} request to {1}: HTTP {2}",
                new Object[] {endpoint.segment, target, response.statusCode()});
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse("application/json"),
                response.body());
    }

    /**
     * The container's token request as the provider gets it: with the PKCE verifier of its code when one is
     * expected, and for a public client (RFC 6749 §2.1) its client id in the form and no secret at all.
     */
    private String tokenRequest(byte[] body, boolean publicClient, URI target) throws ProviderException {
        Map<String, String> form = FormEncoding.decode(new String(body, StandardCharsets.US_ASCII)).orElseThrow(() ->
                new ProviderException(ProviderException.Kind.BAD_RESPONSE, target,
                        "would get a token request that is not form encoding", null));
        Map<String, String> sent = new LinkedHashMap<>(form);
        if ("authorization_code".equals(form.get("grant_type"))) {
            expected.take(form.get("code")).ifPresent(verifier -> sent.put("code_verifier", verifier));
        }
        if (publicClient) {
            sent.remove("client_secret");
            sent.put("client_id", backendSettings.get().clientId());
        }
        return FormEncoding.encode(sent);
    }

}
