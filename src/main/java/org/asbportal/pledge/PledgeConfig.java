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

    /** Whether the session cookie is only sent over HTTPS (turn off for plain-HTTP development only). */
    @WithDefault("true")
    boolean secureCookie();
}
