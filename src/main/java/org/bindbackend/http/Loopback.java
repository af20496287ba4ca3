package org.bindbackend.http;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a host is this machine, told from its name or address literal alone, without asking DNS. */
public final class Loopback {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private Loopback() {
    }

    /**
     * {@code localhost} and its subdomains (RFC 6761 §6.3), 127.0.0.0/8 (RFC 1122 §3.2.1.3) and {@code [::1]}
     * (RFC 4291 §2.5.3), as {@link java.net.URI#getHost()} gives them.
     */
    public static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("[::1]")
                || IPV4_LOOPBACK.matcher(name).matches();
    }
}
