package org.bindbackend.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run measured, filled in as the parts run. */
final class Results {

    /**
     * One start of a WAR on Payara Micro.
     *
     * @param app          which WAR
     * @param run          1, 2, ...
     * @param readySeconds from starting the JVM until {@code /health/ready} answered UP
     * @param appSeconds   from starting the JVM until the application itself answered
     * @param rssKib       resident memory when ready
     * @param rssAppKib    resident memory after the application's first answer
     */
    record Startup(String app, int run, double readySeconds, double appSeconds, long rssKib, long rssAppKib) {
    }

    final Bench.Settings settings;
    Load.Result signingOneCore;
    Load.Result signingAllCores;
    final List<Startup> startups = new ArrayList<>();
    final List<Load.Result> logins = new ArrayList<>();
    Load.Result frontChannel;
    Load.Result exchanges;
    final List<Load.Result> api = new ArrayList<>();
    final List<List<Load.Result>> apiRounds = new ArrayList<>();
    /** Measure 5: the API on one replica alone, then on a member of a grid. */
    final List<Load.Result> replicaApi = new ArrayList<>();
    /** Measure 5: logout on one member until refused on all others, per sample. */
    final List<Double> logoutLatencyMillis = new ArrayList<>();
    /** Measure 5: logout at the provider, through its back-channel logout, until refused on the other members. */
    final List<Double> backChannelLatencyMillis = new ArrayList<>();
    /** Measure 7: the API with no revocations and with many, in alternating rounds. */
    final List<Load.Result> revocationApi = new ArrayList<>();
    /** Measure 6: browser logins at the floor WAR and at the backend in external mode, by provider. */
    final List<Load.Result> externalLogins = new ArrayList<>();
    long backendRssAfterLoadKib = -1;
    final Map<String, Long> otherRssAfterLoadKib = new LinkedHashMap<>();
    final List<String> profiles = new ArrayList<>();
    double totalSeconds;
    final String loadAveragesAtStart = ProcStats.loadAverages();
    String loadAveragesAtEnd;

    Results(Bench.Settings settings) {
        this.settings = settings;
    }
}
