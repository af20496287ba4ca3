package org.bindbackend.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.http.Route;

/**
 * Starts a login for an intent: the browser keeps the login in its cookie ({@link LoginCookies}) and goes to the
 * path the container protects, whose mechanism sends it on to the provider.
 */
@ApplicationScoped
public class LoginStart {

    private static final Logger LOG = Logger.getLogger(LoginStart.class.getName());

    @Inject
    LoginCookies loginCookies;

    /** Where to send the browser, and the cookie it must keep on the way. */
    public record Redirect(String path, String setCookie) {
    }

    public Redirect begin(LoginIntent intent) {
        LOG.log(Level.FINE, "Login started ({0}); the container redirects the browser to the provider", intent.kind());
        return new Redirect(Route.LOGIN_START_PATH, loginCookies.setCookie(LoginTransaction.starting(intent)));
    }
}
