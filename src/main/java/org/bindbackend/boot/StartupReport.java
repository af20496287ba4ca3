package org.bindbackend.boot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.issuer.ActiveIssuer;
import org.bindbackend.logs.Logs;

/**
 * At start: validates the settings once and says loudly what an operator must know (the embedded provider accepts
 * anyone; nobody is restricted). The log verbosity is {@link LogVerbosity}'s.
 */
@ApplicationScoped
public class StartupReport {

    private static final Logger LOG = Logs.of(StartupReport.class);

    @Inject
    BackendSettings backendSettings;

    @Inject
    ActiveIssuer activeIssuer;


    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!backendSettings.valid()) {
            LOG.severe("bind-backend is NOT configured (" + backendSettings.problems().size()
                    + " invalid settings, each logged above); it serves nothing but health until they are fixed.");
            return;
        }
        Settings settings = backendSettings.get();
        if (settings.embedded()) {
            activeIssuer.get();
            LOG.warning(EmbeddedBanner.text(settings));
            if (settings.sessions().clustered()) {
                LOG.warning("cluster is true in embedded mode: every replica is an OpenID Provider of its own, its keys "
                        + "and codes in its memory, so logins work only at the replica that " + settings.issuerUrl()
                        + " reaches, and the others are not ready. Replicas behind a load balancer need "
                        + "oidc.type=external.");
            }
        } else if (!settings.restrictsUsers()) {
            LOG.warning("Neither oidc.allowed-users nor oidc.allowed-groups is set: every user of "
                    + settings.issuerUrl() + " can use this backend.");
        }
        LOG.info("bind-backend started in " + settings.mode().value() + " mode at " + settings.externalUrl()
                + ", issuer " + settings.issuerUrl() + ", client id " + settings.clientId());
    }
}
