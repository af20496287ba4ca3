package org.bindbackend.revocation;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import org.bindbackend.shared.JsonBuilders;

/**
 * One thing ended before it expired, as replicas share it and a file keeps it: one session, the sessions of one
 * provider session, or every session of a user issued up to a moment. Each is kept until no session it ends can
 * still be valid ({@code until}), however {@code token-expiry} changes meanwhile.
 *
 * @param kind   what it ends
 * @param user   the user it concerns ({@code <issuer> <subject>}), or empty for a provider session named without
 *               its user
 * @param target the session id ({@link Kind#SESSION}), {@code <issuer> <sid>} ({@link Kind#PROVIDER_SESSION}), or
 *               empty ({@link Kind#USER})
 * @param before for {@link Kind#USER}: sessions issued up to this second end; otherwise {@link Instant#EPOCH}
 * @param until  when it is forgotten
 */
public record Revocation(Kind kind, String user, String target, Instant before, Instant until) {

    /** What a revocation ends. */
    public enum Kind {
        /** One session: a logout. */
        SESSION("s"),
        /** Every session logged in through one provider session: a back-channel logout naming its {@code sid}. */
        PROVIDER_SESSION("p"),
        /** Every session of a user issued up to a moment: log out everywhere, a back-channel logout naming a user. */
        USER("u");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        static Optional<Kind> of(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** The one session {@code sessionId} of {@code user}, which expires at {@code until}. */
    public static Revocation session(String user, String sessionId, Instant until) {
        return new Revocation(Kind.SESSION, user, sessionId, Instant.EPOCH, until);
    }

    /** The sessions of the provider session {@code providerSession} ({@code <issuer> <sid>}) of {@code user}. */
    public static Revocation providerSession(String user, String providerSession, Instant until) {
        return new Revocation(Kind.PROVIDER_SESSION, user, providerSession, Instant.EPOCH, until);
    }

    /** Every session of {@code user} issued up to {@code before}. */
    public static Revocation user(String user, Instant before, Instant until) {
        return new Revocation(Kind.USER, user, "", before, until);
    }

    /**
     * The name under which replicas share it: one per session, provider session and user, so that a later
     * "everything before now" of a user takes the place of the earlier one.
     */
    String key() {
        return kind.code + " " + (kind == Kind.USER ? user : target);
    }

    /** The revocation as JSON, for signing. */
    String toText() {
        return JsonBuilders.object().add("k", kind.code).add("u", user).add("t", target)
                .add("b", before.getEpochSecond()).add("x", until.getEpochSecond()).build().toString();
    }

    /** The revocation {@link #toText()} wrote, if {@code text} is one. */
    static Optional<Revocation> fromText(String text) {
        try (JsonReader reader = JsonBuilders.reader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            return Kind.of(json.getString("k")).map(kind -> new Revocation(kind, json.getString("u"),
                    json.getString("t"), Instant.ofEpochSecond(json.getJsonNumber("b").longValueExact()),
                    Instant.ofEpochSecond(json.getJsonNumber("x").longValueExact())));
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException
                | IllegalStateException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
