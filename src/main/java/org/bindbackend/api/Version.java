package org.bindbackend.api;

/** This build's version, from the WAR's manifest (Maven writes it), for {@code /api/exports}. */
final class Version {

    private Version() {
    }

    static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
