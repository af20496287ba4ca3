package org.bindbackend.boot;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;

/**
 * The container's own session cookie (it carries the few seconds of a login's ceremony, and the container's
 * OpenID Connect context at the callback) is Secure whenever {@code external-url} is https, also when TLS ends at
 * a proxy in front and the server itself sees plain http. HttpOnly and SameSite come from web.xml.
 */
@WebListener
public class ContainerSessionCookie implements ServletContextListener {

    @Inject
    BackendSettings backendSettings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (backendSettings.current().filter(Settings::secure).isPresent()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
