package org.asbportal.web.journey;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long multi-page forms keep a resident's unsent answers, and the cookie that finds them. */
@ConfigMapping(prefix = "asb.journey")
public interface JourneyConfig {

    /**
     * A draft is kept this long after its last saved page, so a resident can come back to it; then
     * it is deleted and the form starts again.
     */
    @WithDefault("PT24H")
    Duration draftValidFor();

    /**
     * How often expired drafts are deleted, e.g. {@code 1h}; {@code off} stops it (the tests run it
     * themselves). Read by the scheduler, from {@code asb.journey.purge-every}.
     */
    @WithDefault("1h")
    String purgeEvery();

    /** Whether the draft cookie is only sent over HTTPS (turn off for plain-HTTP development only). */
    @WithDefault("true")
    boolean secureCookie();
}
