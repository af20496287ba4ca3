package org.bindbackend.testing;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Requests for unit tests that read nothing but headers and cookies. */
public final class FakeRequests {

    private FakeRequests() {
    }

    /** A request with just the given headers and cookies; any other call fails the test. */
    public static HttpServletRequest request(Map<String, String> headers, Cookie... cookies) {
        return (HttpServletRequest) Proxy.newProxyInstance(FakeRequests.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getCookies" -> cookies.length == 0 ? null : cookies;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
