package org.bindbackend.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no client library sends as written: a request target with dot
 * segments, path parameters, backslashes or odd percent-encoding reaches the server byte for byte, as an
 * attacker's would, and malformed headers and bodies too.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    /** A response: its status, its headers (names in lower case) and its body, de-chunked. */
    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        @Override
        public String toString() {
            return status + " " + headers + "\n" + body;
        }
    }

    private RawHttp() {
    }

    public static Response get(int port, String target) throws IOException {
        return send(port, "GET " + target + " HTTP/1.1\r\n", "");
    }

    /** POSTs {@code body} with the given content type ({@code null}: none). */
    public static Response post(int port, String target, String contentType, String body) throws IOException {
        String type = contentType == null ? "" : "Content-Type: " + contentType + "\r\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(port, "POST " + target + " HTTP/1.1\r\n" + type + "Content-Length: " + bytes.length + "\r\n", body);
    }

    /**
     * Sends {@code head} (request line and headers, each ending in CRLF, without Host and Connection, which are
     * added) and {@code body} exactly as given, and reads the response until the server closes the connection.
     */
    public static Response send(int port, String head, String body) throws IOException {
        return sendWithHost(port, head, "127.0.0.1:" + port, body);
    }

    /** As {@link #send}, with {@code host} as the Host header, byte for byte (UTF-8). */
    public static Response sendWithHost(int port, String head, String host, String body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Host: " + host + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Response parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("No complete response head in " + raw.length + " bytes: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                    (first, second) -> first + ", " + second);
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, at);
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }
}
