package org.bindbackend.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, exactly as it ships, for Arquillian to deploy. */
public final class BackendWar {

    private BackendWar() {
    }

    public static WebArchive asBuilt() {
        File war = new File(System.getProperty("bind.war", "target/bind-backend.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }
}
