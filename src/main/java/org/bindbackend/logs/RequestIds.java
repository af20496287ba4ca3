package org.bindbackend.logs;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bindbackend.shared.RandomTokens;

/**
 * Each request's id, which its log lines and its audit events carry ({@link Logs}, {@link AuditTrail}), so that an
 * operator finds everything one request did: the {@code X-Request-Id} a proxy in front set (when it is a short
 * token), else a random one. Given when the request comes into the application's scope (Servlet 6.0 §11.2), before
 * the container authenticates it, so that the login mechanism's lines carry it too; forgotten when it leaves.
 */
@WebListener
public class RequestIds implements ServletRequestListener {

    public static final String HEADER = "X-Request-Id";
    /** What a request id given from outside may be: it goes into every log line of its request. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** The id of the request this thread is handling, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        String given = event.getServletRequest() instanceof HttpServletRequest http
                ? http.getHeader(HEADER) : null;
        CURRENT.set(given != null && WELL_FORMED.matcher(given).matches() ? given : RandomTokens.next(9));
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        CURRENT.remove();
    }
}
