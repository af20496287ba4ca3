package org.bindbackend.login.relay;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.keys.SigningKeys;
import org.bindbackend.logs.Logs;
import org.bindbackend.metrics.Metrics;
import org.bindbackend.provider.ProviderClient;
import org.bindbackend.provider.ProviderException;
import org.bindbackend.provider.ProviderHttp;
import org.bindbackend.provider.ProviderMetadata;

/**
 * The container's OpenID Connect client reaches the provider through this backend: its annotation names the relay
 * as the provider ({@code ContainerMechanismConfig}), and the relay's URLs as the token, UserInfo and key endpoints, so that
 * each answer the container reads is bounded in time and size by {@link ProviderHttp}, and trusts
 * {@code oidc.ca-file} like the backend's own calls, without changing the JVM's TLS defaults. Only the browser
 * goes to the provider itself, to its authorization endpoint.
 *
 * <p>Nothing but the container's client may use it. It listens on a listener of its own, on the loopback interface
 * only ({@link RelayListener}), never on the server's public one. Its token endpoint takes only requests that
 * present the relay's key as their client secret ({@link #containerClientSecret()}, the one the container is given),
 * compared in constant time: the key travels where a client secret does, which no server logs, and never in a URL,
 * which servers do write into their error messages (Open Liberty's CWWKS2416E names the token endpoint). The key
 * is replaced by the real client authentication before the request leaves, so the container never holds the real
 * secret. The discovery document and the key set are public, and UserInfo takes the container's access token.
 * It forwards to the endpoints of the provider's verified discovery document only, a bounded body and the headers
 * client authentication needs, and passes back the status, the media type and the body, nothing else.
 */
@ApplicationScoped
public class ProviderRelay {

    private static final Logger LOG = Logs.of(ProviderRelay.class);
    /** A token request is a few hundred bytes; one with a client assertion a few kilobytes. */
    static final int MAX_REQUEST_BYTES = 16 * 1024;
    /** What the relay's key is derived for ({@link SigningKeys#secret}). */
    public static final String KEY_PURPOSE = "relay client secret";

    /** The endpoints relayed, by the path of their relay URL. */
    public enum Endpoint {
        DISCOVERY(".well-known/openid-configuration"), TOKEN("token"), USERINFO("userinfo"), JWKS("jwks");

        private final String segment;

        Endpoint(String segment) {
            this.segment = segment;
        }

        /** The endpoint's path below the relay's URL, from {@code /}. */
        public String path() {
            return "/" + segment;
        }

        static Optional<Endpoint> ofPath(String path) {
            for (Endpoint endpoint : values()) {
                if (endpoint.path().equals(path)) {
                    return Optional.of(endpoint);
                }
            }
            return Optional.empty();
        }
    }

    /** What the relay answers: the provider's status, media type and body. */
    public record Answer(int status, String mediaType, byte[] body) {

        /** RFC 6749 §5.2: the client did not authenticate. */
        static Answer invalidClient() {
            return new Answer(401, "application/json", "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Inject
    ProviderClient provider;

    @Inject
    BackendSettings backendSettings;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Metrics metrics;

    private final ExpectedExchanges expected = new ExpectedExchanges();
    private RelayCalls calls;
    private volatile String key;

    @PostConstruct
    void countCalls() {
        calls = new RelayCalls(metrics);
    }

    /**
     * The client secret the container is given in external mode, which is the relay's key. Every replica must give
     * its container the same one, at every moment of a rolling update (Open Liberty's client signs its state and
     * nonce cookies with its client secret, and any replica may finish a login): so it is derived from the client
     * secret, which a rotation of {@code session-signing-key} leaves alone. A public client has none, and its relay
     * key comes from the current {@code session-signing-key} (docs/operations.md says what that means for a
     * rotation on Open Liberty).
     */
    public String containerClientSecret() {
        String known = key;
        if (known == null) {
            Settings settings = backendSettings.get();
            known = settings.publicClient() ? signingKeys.secret(KEY_PURPOSE)
                    : SigningKeys.secret(settings.clientSecret().reveal(), KEY_PURPOSE);
            key = known;
        }
        return known;
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
     * Forwards the container's request to the provider's endpoint and reads its answer; a token request without the
     * relay's key is answered {@code invalid_client} and goes nowhere.
     *
     * @param authorization the request's Authorization header (client authentication, or the access token), or null
     * @param body          the token request's body, or null (GET)
     */
    Answer forward(Endpoint endpoint, String authorization, byte[] body) throws ProviderException {
        Optional<ContainerTokenRequest> token = Optional.empty();
        if (endpoint == Endpoint.TOKEN) {
            token = ContainerTokenRequest.read(authorization, body)
                    .filter(read -> read.authenticatedBy(containerClientSecret()));
            if (token.isEmpty()) {
                LOG.fine("Refused a token request to the relay that did not present the relay's key");
                calls.count(endpoint, RelayCalls.Outcome.REFUSED);
                return Answer.invalidClient();
            }
        }
        try {
            return relayed(endpoint, authorization, token);
        } catch (ProviderException e) {
            calls.count(endpoint, RelayCalls.Outcome.of(e));
            throw e;
        }
    }

    /** A request that is over the 16 KiB a request may have, which the relay refuses. */
    void refusedAsTooLarge(Endpoint endpoint) {
        calls.count(endpoint, RelayCalls.Outcome.REFUSED);
    }

    private Answer relayed(Endpoint endpoint, String authorization, Optional<ContainerTokenRequest> token)
            throws ProviderException {
        ProviderMetadata discovery = provider.discovery();
        URI target = switch (endpoint) {
            case DISCOVERY -> discovery.source();
            case TOKEN -> discovery.tokenEndpoint();
            case USERINFO -> discovery.userinfoEndpoint().orElseThrow(() -> new ProviderException(
                    ProviderException.Kind.BAD_RESPONSE, discovery.issuer(), "names no userinfo_endpoint", null));
            case JWKS -> discovery.jwksUri();
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(target).header("Accept", "application/json");
        if (token.isPresent()) {
            toProvider(token.get(), request);
        } else {
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.GET();
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> response = provider.http().send(request.build());
        if (token.isPresent() && token.get().isCodeExchange()) {
            calls.codeExchanged(Duration.ofNanos(System.nanoTime() - start));
        }
        calls.count(endpoint, RelayCalls.Outcome.of(response.statusCode()));
        LOG.log(Level.FINE, "Relayed the container''s {0} request to {1}: HTTP {2}",
                new Object[] {endpoint.segment, target, response.statusCode()});
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse("application/json"),
                response.body());
    }

    /**
     * The container's token request as the provider gets it: with the PKCE verifier of its code when one is
     * expected, and the real client authentication in place of the relay's key, by the method the container used;
     * for a public client (RFC 6749 §2.1) its client id in the form and no secret at all.
     */
    private void toProvider(ContainerTokenRequest token, HttpRequest.Builder request) {
        Settings settings = backendSettings.get();
        Optional<String> verifier = token.isCodeExchange() ? expected.take(token.code()) : Optional.empty();
        request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                token.formForProvider(settings.clientId(), settings.clientSecret(), settings.publicClient(), verifier)));
        token.authorizationForProvider(settings.clientId(), settings.clientSecret(), settings.publicClient())
                .ifPresent(basic -> request.header("Authorization", basic));
    }
}
