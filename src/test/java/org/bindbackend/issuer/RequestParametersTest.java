package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading request parameters by RFC 6749 §3.1. */
class RequestParametersTest {

    @Test
    void aRepeatedParameterIsAnInvalidRequest() {
        RequestParameters parameters = RequestParameters.of(Map.of("scope", List.of("openid", "email")));

        assertEquals(OAuthError.INVALID_REQUEST,
                assertThrows(OAuthException.class, () -> parameters.optional("scope")).error());
    }

    @Test
    void aParameterWithoutValueCountsAsOmitted() {
        RequestParameters parameters = RequestParameters.of(Map.of("state", List.of(""), "nonce", List.of("", "n")));

        assertEquals(Optional.empty(), parameters.optional("state"));
        assertEquals(Optional.of("n"), parameters.optional("nonce"));
        assertEquals(OAuthError.INVALID_REQUEST,
                assertThrows(OAuthException.class, () -> parameters.required("state")).error());
    }

    @Test
    void decodesAFormBody() {
        RequestParameters body = RequestParameters.formBody(
                "grant_type=authorization_code&code=a%2Bb+c&&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb&name=J%C3%BCrgen&flag",
                "application/x-www-form-urlencoded; charset=UTF-8");

        assertEquals(Optional.of("authorization_code"), body.optional("grant_type"));
        assertEquals(Optional.of("a+b c"), body.optional("code"));
        assertEquals(Optional.of("http://127.0.0.1/cb"), body.optional("redirect_uri"));
        assertEquals(Optional.of("J\u00fcrgen"), body.optional("name"));
        assertEquals(Optional.empty(), body.optional("flag"));
    }

    @Test
    void aRepeatedBodyParameterIsAnInvalidRequest() {
        RequestParameters body = RequestParameters.formBody("code=one&code=two", "Application/X-WWW-Form-Urlencoded");

        assertEquals(OAuthError.INVALID_REQUEST, assertThrows(OAuthException.class, () -> body.optional("code")).error());
    }

    @Test
    void aBodyOfAnotherTypeHasNoParameters() {
        assertEquals(Optional.empty(),
                RequestParameters.formBody("code=abc", "application/json").optional("code"));
        assertEquals(Optional.empty(), RequestParameters.formBody("code=abc", null).optional("code"));
    }

    @Test
    void decodesAQueryString() {
        RequestParameters query = RequestParameters.query("response_type=code&scope=openid+email&state=s%26t");

        assertEquals(Optional.of("openid email"), query.optional("scope"));
        assertEquals(Optional.of("s&t"), query.optional("state"));
        assertEquals(Optional.empty(), RequestParameters.query(null).optional("scope"));
    }

    @Test
    void aBodyThatIsNotFormEncodingIsAnInvalidRequestWhenRead() {
        RequestParameters body = RequestParameters.formBody("code=%zz", "Application/X-WWW-Form-Urlencoded");

        OAuthException refusal = assertThrows(OAuthException.class, () -> body.required("grant_type"));
        assertEquals(OAuthError.INVALID_REQUEST, refusal.error());
    }

    @Test
    void splitsSpaceDelimitedLists() {
        assertEquals(List.of("openid", "email"),
                List.copyOf(RequestParameters.spaceDelimited(" openid  email openid")));
        assertEquals(Set.of(), RequestParameters.spaceDelimited(""));
    }
}
