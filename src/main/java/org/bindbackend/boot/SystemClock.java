package org.bindbackend.boot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock every part of the backend reads the time from, injected rather than fixed in code, so that tests move
 * it: expiry, leeway and how long a logout is kept are tested by turning it forward.
 */
@ApplicationScoped
public class SystemClock {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
