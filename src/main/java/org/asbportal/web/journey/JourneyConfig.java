package org.asbportal.web.journey;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long multi-page forms keep a resident's unsent answers, the cookie that finds them and the links that resume them. */
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

    /**
     * How long a "save and come back later" link works: the draft it leads to is kept at least this
     * long after the link was sent, whatever {@link #draftValidFor()} says.
     */
    @WithDefault("P7D")
    Duration resumeFor();

    /** Whether the draft cookie is only sent over HTTPS (turn off for plain-HTTP development only). */
    @WithDefault("true")
    boolean secureCookie();
}
