package org.bindbackend.external;

import java.io.IOException;
import org.bindbackend.testing.HeadlessChromium;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Headless Chromium that trusts one server key besides the usual CAs: Keycloak's certificate comes from a test CA
 * Chromium does not know, and certificate checks must stay on for every other key.
 */
final class TrustingChromium {

    private TrustingChromium() {
    }

    /**
     * @param spkiSha256 the base64 SHA-256 of the trusted server key's SubjectPublicKeyInfo; Chromium honours
     *     {@code --ignore-certificate-errors-spki-list} only with a {@code --user-data-dir}, which HeadlessChromium gives
     */
    static ChromeDriver start(String spkiSha256) throws IOException {
        return HeadlessChromium.start("--ignore-certificate-errors-spki-list=" + spkiSha256);
    }
}
