package org.asbportal.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How hard guessing a reference's access code is made (on /track and over the APIs that take one). */
@ConfigMapping(prefix = "asb.tracking")
public interface AttemptLimitConfig {

    /** Failed checks one client may make within the window before it must wait. */
    @WithDefault("10")
    int maxFailuresPerClient();

    /** Failed checks against one reference, from anywhere, within the window. */
    @WithDefault("5")
    int maxFailuresPerReference();

    /** The window failures are counted in. */
    @WithDefault("PT15M")
    Duration window();
}
