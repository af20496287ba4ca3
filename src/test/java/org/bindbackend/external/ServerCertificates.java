package org.bindbackend.external;

import java.io.IOException;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** The certificate a TLS server presents, read from a real handshake rather than from the files that made it. */
final class ServerCertificates {

    private ServerCertificates() {
    }

    /**
     * The base64 SHA-256 of the server certificate's SubjectPublicKeyInfo, as Chromium's
     * {@code --ignore-certificate-errors-spki-list} takes it. The handshake trusts only {@code trusting}, so a
     * certificate the test CA did not sign is never pinned.
     */
    static String spkiSha256(int port, SSLContext trusting) throws IOException {
        try (SSLSocket socket = (SSLSocket) trusting.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
            socket.startHandshake();
            Certificate server = socket.getSession().getPeerCertificates()[0];
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(server.getPublicKey().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
