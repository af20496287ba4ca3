package org.bindbackend.login;

import java.util.Arrays;
import java.util.Optional;
import org.bindbackend.login.LoginRefusal.Reason;
import org.bindbackend.text.UntrustedText;

/**
 * The errors a provider may answer an authorization request with (RFC 6749 §4.1.2.1, OIDC Core 3.1.2.6), each
 * with this backend's own words for the user. The provider's {@code error_description} is never shown: anyone can
 * send a browser to the callback with any text in it.
 */
enum ProviderError {
    INVALID_REQUEST("invalid_request", Reason.PROVIDER_ERROR, "the provider found the login request invalid"),
    UNAUTHORIZED_CLIENT("unauthorized_client", Reason.PROVIDER_ERROR,
            "the provider does not let this backend log users in this way (check the client's settings there)"),
    ACCESS_DENIED("access_denied", Reason.ACCESS_DENIED, "the login was declined, by you or by the provider"),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", Reason.PROVIDER_ERROR,
            "the provider does not support the authorization code flow for this client"),
    INVALID_SCOPE("invalid_scope", Reason.PROVIDER_ERROR,
            "the provider refused the scopes asked for (check oidc.extra-scopes)"),
    SERVER_ERROR("server_error", Reason.PROVIDER_ERROR, "the provider failed"),
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", Reason.PROVIDER_ERROR,
            "the provider is temporarily unavailable; try again in a moment"),
    INTERACTION_REQUIRED("interaction_required", Reason.ACCESS_DENIED, "the provider needs you to interact with it"),
    LOGIN_REQUIRED("login_required", Reason.ACCESS_DENIED, "the provider needs you to log in"),
    ACCOUNT_SELECTION_REQUIRED("account_selection_required", Reason.ACCESS_DENIED,
            "the provider needs you to choose an account"),
    CONSENT_REQUIRED("consent_required", Reason.ACCESS_DENIED, "the provider needs your consent"),
    INVALID_REQUEST_URI("invalid_request_uri", Reason.PROVIDER_ERROR, "the provider found the login request invalid"),
    INVALID_REQUEST_OBJECT("invalid_request_object", Reason.PROVIDER_ERROR,
            "the provider found the login request invalid"),
    REQUEST_NOT_SUPPORTED("request_not_supported", Reason.PROVIDER_ERROR,
            "the provider does not support this kind of login request"),
    REQUEST_URI_NOT_SUPPORTED("request_uri_not_supported", Reason.PROVIDER_ERROR,
            "the provider does not support this kind of login request"),
    REGISTRATION_NOT_SUPPORTED("registration_not_supported", Reason.PROVIDER_ERROR,
            "the provider does not support this kind of login request");

    private final String code;
    private final Reason reason;
    private final String message;

    ProviderError(String code, Reason reason, String message) {
        this.code = code;
        this.reason = reason;
        this.message = message;
    }

    /**
     * The refusal to show for the provider's {@code error} value; the log also gets the provider's own words,
     * defused.
     */
    static LoginRefusal refusal(String error, String description) {
        String logDetail = "; the provider said error=" + UntrustedText.forLog(error) + ", error_description="
                + UntrustedText.forLog(description);
        Optional<ProviderError> known = Arrays.stream(values()).filter(e -> e.code.equals(error)).findFirst();
        return known.map(e -> LoginRefusal.of(e.reason, e.message + " (" + e.code + ")", logDetail))
                .orElseGet(() -> LoginRefusal.of(Reason.PROVIDER_ERROR,
                        "the provider refused the login with an error this backend does not know", logDetail));
    }
}
