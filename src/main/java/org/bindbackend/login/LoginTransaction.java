package org.bindbackend.login;

/**
 * One login in one browser, from its start to the provider's answer: what it is for, and the {@code state} and
 * {@code nonce} the container sent the browser to the provider with (OIDC Core 3.1.2.1), so that the answer is
 * checked against this browser's login by this backend's own code, whatever the container keeps.
 *
 * @param intent what to do once the login succeeds
 * @param state  the authorization request's {@code state}, or null before the browser was sent to the provider
 * @param nonce  the authorization request's {@code nonce}, or null before the browser was sent to the provider
 * @param codeVerifier the PKCE code verifier whose challenge the request carried (RFC 7636), or null without PKCE
 */
public record LoginTransaction(LoginIntent intent, String state, String nonce, String codeVerifier) {

    /** A login that has not reached the provider yet. */
    public static LoginTransaction starting(LoginIntent intent) {
        return new LoginTransaction(intent, null, null, null);
    }

    /**
     * This login, now that the container sent the browser to the provider with {@code state} and {@code nonce},
     * and the backend added the challenge of {@code codeVerifier} (or null).
     */
    LoginTransaction sentWith(String state, String nonce, String codeVerifier) {
        return new LoginTransaction(intent, state, nonce, codeVerifier);
    }

    /** Whether {@code returnedState} is the state this login was sent with (RFC 6749 §10.12). */
    boolean answers(String returnedState) {
        return state != null && state.equals(returnedState);
    }
}
