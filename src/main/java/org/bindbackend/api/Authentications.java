package org.bindbackend.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.bindbackend.metrics.Metrics;
import org.bindbackend.session.Verification;

/**
 * Counts the API's authentications ({@code bind.api.authentications}) by the credential presented and what became of
 * it, so that a flood of forged or foreign tokens shows on a dashboard: {@code accepted}, {@code forbidden} (a user
 * the allow-lists do not admit), or why it was refused ({@link Verification.Problem}: {@code expired},
 * {@code revoked}, {@code bad_signature}, {@code foreign}, ...). The handles are made once: counting is one
 * increment on the request's path.
 */
@ApplicationScoped
public class Authentications {

    /** How a caller presented itself. */
    public enum Credential { BEARER, COOKIE, NONE }

    @Inject
    Metrics metrics;

    private final Map<Credential, Map<Verification.Problem, Metrics.Count>> refused = new EnumMap<>(Credential.class);
    private final Map<Credential, Metrics.Count> accepted = new EnumMap<>(Credential.class);
    private final Map<Credential, Metrics.Count> forbidden = new EnumMap<>(Credential.class);

    @PostConstruct
    void handles() {
        for (Credential credential : Credential.values()) {
            Map<Verification.Problem, Metrics.Count> byProblem = new EnumMap<>(Verification.Problem.class);
            for (Verification.Problem problem : Verification.Problem.values()) {
                byProblem.put(problem, count(credential, problem.name()));
            }
            refused.put(credential, byProblem);
            accepted.put(credential, count(credential, "accepted"));
            forbidden.put(credential, count(credential, "forbidden"));
        }
    }

    public void accepted(Credential credential) {
        accepted.get(credential).inc();
    }

    public void forbidden(Credential credential) {
        forbidden.get(credential).inc();
    }

    public void refused(Credential credential, Verification.Problem problem) {
        refused.get(credential).get(problem).inc();
    }

    private Metrics.Count count(Credential credential, String result) {
        return metrics.counter("bind.api.authentications", "API requests by the credential presented and what became "
                + "of it", "credential", name(credential.name()), "result", name(result));
    }

    private static String name(String constant) {
        return constant.toLowerCase(Locale.ROOT);
    }
}
