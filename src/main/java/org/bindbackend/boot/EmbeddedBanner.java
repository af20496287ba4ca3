package org.bindbackend.boot;

import java.util.List;
import org.bindbackend.config.Settings;

/** The boxed warning printed at start in embedded mode: it must be impossible to miss in a log. */
final class EmbeddedBanner {

    private static final int WIDTH = 78;

    private EmbeddedBanner() {
    }

    static String text(Settings settings) {
        List<String> lines = List.of(
                "DEVELOPMENT MODE: EMBEDDED OIDC PROVIDER",
                "",
                "This backend is its own OpenID Provider and ACCEPTS ANY USERNAME AND",
                "PASSWORD. Anyone who reaches it can log in as anyone.",
                "NEVER use it in production: set oidc.type=external.",
                "Keys, client and sessions are new at every start; nothing is kept.",
                "",
                "Issuer:    " + settings.issuerUrl(),
                "Client id: " + settings.clientId() + (settings.clientGenerated() ? " (generated)" : ""),
                "Login:     " + settings.externalUrl() + "/login");
        StringBuilder box = new StringBuilder("\n").append("#".repeat(WIDTH)).append('\n');
        for (String line : lines) {
            String shown = line.length() > WIDTH - 6 ? line.substring(0, WIDTH - 6) : line;
            box.append("## ").append(shown).append(" ".repeat(WIDTH - 6 - shown.length())).append(" ##\n");
        }
        return box.append("#".repeat(WIDTH)).toString();
    }
}
