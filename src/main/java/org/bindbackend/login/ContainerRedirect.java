package org.bindbackend.login;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * The container's redirect of the browser to the provider's authorization endpoint, seen on its way out so that
 * the backend can amend it and note what it asks for. Payara's mechanism calls the response's
 * {@code sendRedirect}, Open Liberty's the context's {@code redirect}: the response and the context this hands the
 * container both pass every redirect through {@code onRedirect}, once, before it is sent.
 */
final class ContainerRedirect {

    private final HttpServletResponse response;
    private final UnaryOperator<String> onRedirect;

    /** {@code onRedirect} gets each location and gives the one to send, and may add headers to {@code response}. */
    ContainerRedirect(HttpServletResponse response, UnaryOperator<String> onRedirect) {
        this.response = response;
        this.onRedirect = onRedirect;
    }

    /** The response to hand the container. */
    HttpServletResponse response() {
        return new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                super.sendRedirect(onRedirect.apply(location));
            }
        };
    }

    /** The context to hand the container, in place of {@code context}. */
    HttpMessageContext context(HttpMessageContext context) {
        HttpServletResponse wrapped = response();
        return new HttpMessageContextWrapper(context) {
            @Override
            public AuthenticationStatus redirect(String location) {
                return super.redirect(onRedirect.apply(location));
            }

            @Override
            public HttpServletResponse getResponse() {
                return wrapped;
            }
        };
    }
}
