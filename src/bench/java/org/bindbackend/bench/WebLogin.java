package org.bindbackend.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * A person's browser login at a WAR that is the relying party of an external provider: the WAR's login URL, its
 * redirect to the provider, the provider's login form filled in, the provider's redirect back to the WAR's
 * callback, and the WAR's answer to it. Each login is a new {@link UserAgent}.
 *
 * @param name         for the results
 * @param start        where the login begins at the WAR
 * @param callbackPath the WAR's redirect URI's path: its answer there to the provider's redirect ends the login
 * @param credentials  what the person types into the provider's form
 * @param loggedIn     whether the WAR's answer to the callback (and the user agent after it) shows a login
 */
record WebLogin(String name, URI start, String callbackPath, Map<String, String> credentials,
        BiPredicate<HttpResponse<String>, UserAgent> loggedIn) {

    private static final int MAX_HOPS = 10;

    /** One whole login; fails unless the WAR logged the person in. */
    void run(HttpClient http) throws IOException, InterruptedException {
        UserAgent browser = new UserAgent(http);
        HttpResponse<String> page = follow(browser, browser.get(start));
        if (page.statusCode() != 200 || isCallbackAnswer(page)) {
            throw new IllegalStateException(name + ": expected the provider's login form, got " + page.statusCode()
                    + " from " + page.uri() + ": " + UserAgent.abbreviate(page.body()));
        }
        HttpResponse<String> answer = follow(browser, browser.submitForm(page, credentials));
        if (!isCallbackAnswer(answer) || !loggedIn.test(answer, browser)) {
            throw new IllegalStateException(name + ": not logged in: " + answer.statusCode() + " from "
                    + answer.uri() + ": " + UserAgent.abbreviate(answer.body()));
        }
    }

    /** Follows redirects up to a page, or up to the WAR's answer to the callback, which may be a redirect too. */
    private HttpResponse<String> follow(UserAgent browser, HttpResponse<String> response)
            throws IOException, InterruptedException {
        for (int hops = 0; UserAgent.isRedirect(response) && !isCallbackAnswer(response); hops++) {
            if (hops == MAX_HOPS) {
                throw new IllegalStateException(name + ": too many redirects from " + response.uri());
            }
            response = browser.get(UserAgent.location(response));
        }
        return response;
    }

    /** The WAR's answer to the provider's redirect: a request to the callback with the code (or an error). */
    private boolean isCallbackAnswer(HttpResponse<String> response) {
        String query = response.uri().getRawQuery();
        return response.uri().getPath().equals(callbackPath) && query != null
                && (query.startsWith("code=") || query.contains("&code=") || query.contains("error="));
    }
}
