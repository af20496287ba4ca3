package org.bindbackend.session;

import org.bindbackend.config.Settings;

/**
 * Who may use the backend: with {@code oidc.allowed-users} or {@code oidc.allowed-groups} set, only a user named
 * in the first, by subject or by user name (as the login read it: never the display name nor an unverified
 * email), or a member of a group in the second.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static boolean allows(Settings settings, Identity identity) {
        if (!settings.restrictsUsers()) {
            return true;
        }
        if (settings.allowedUsers().contains(identity.subject()) || settings.allowedUsers().contains(identity.username())) {
            return true;
        }
        return identity.groups().stream().anyMatch(settings.allowedGroups()::contains);
    }
}
