package org.asbportal.pledge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the PLEDGE self-assessment is scored and how organisations' contacts sign in. */
@ConfigMapping(prefix = "asb.pledge")
public interface PledgeConfig {

    /** A section or an assessment is rated green from this percentage of the points it could score. */
    @WithDefault("80")
    int greenFrom();

    /** Amber from this percentage up to green; red below it. */
    @WithDefault("50")
    int amberFrom();

    /** How long an emailed sign-in link (after registering, on request, or an invitation) works. */
    @WithDefault("PT24H")
    Duration linkValidFor();

    /** A contact is signed out after this long without using the pages. */
    @WithDefault("PT2H")
    Duration sessionTimeout();

    /**
     * At most this many sign-in links are emailed to one address in an hour; further requests are
     * answered as usual but send nothing, so nobody can flood a mailbox.
     */
    @WithDefault("5")
    int linksPerHour();

    /**
     * How often ended sessions and expired links are deleted, e.g. {@code 1h}; {@code off} stops
     * it (the tests run it themselves). Read by the scheduler, from {@code asb.pledge.purge-every}.
     */
    @WithDefault("1h")
    String purgeEvery();

    /** Whether the session cookie is only sent over HTTPS (turn off for plain-HTTP development only). */
    @WithDefault("true")
    boolean secureCookie();
}
