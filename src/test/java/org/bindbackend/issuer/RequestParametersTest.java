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
    void theFormBodyLeavesOutWhatCameInTheQueryString() {
        Map<String, String[]> servletParameters = Map.of(
                "client_secret", new String[] {"from-query"},
                "code", new String[] {"from-query", "from-body"},
                "grant_type", new String[] {"authorization_code"});
        Map<String, List<String>> query = Map.of("client_secret", List.of("from-query"), "code",
                List.of("from-query"));

        RequestParameters body = RequestParameters.formBody(servletParameters, query);
        assertEquals(Optional.empty(), body.optional("client_secret"));
        assertEquals(Optional.of("from-body"), body.optional("code"));
        assertEquals(Optional.of("authorization_code"), body.optional("grant_type"));
    }

    @Test
    void splitsSpaceDelimitedLists() {
        assertEquals(List.of("openid", "email"),
                List.copyOf(RequestParameters.spaceDelimited(" openid  email openid")));
        assertEquals(Set.of(), RequestParameters.spaceDelimited(""));
    }
}
