package org.asbportal.open311.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Handing cases out to partners' Open311 servers: how often the job runs, how long it waits, how it backs off. */
@ConfigMapping(prefix = "asb.open311.client")
public interface PartnerClientConfig {

    /** How often the job sends what is due and reads partners' updates, as the scheduler reads it. */
    @WithDefault("1m")
    String every();

    /** How long a partner may take to answer one request. */
    @WithDefault("PT10S")
    Duration timeout();

    /** The wait after the first failure, doubled after each further one... */
    @WithDefault("PT1M")
    Duration firstRetryAfter();

    /** ...up to this. Sending goes on until it succeeds: a case handed out is never dropped. */
    @WithDefault("PT1H")
    Duration longestRetryAfter();

    /** How many cases one run sends at most. */
    @WithDefault("50")
    int batch();
}
