package org.asbportal.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Replacing a lost access code through a link emailed to the address the report gave
 * ({@code ASB_TRACKING_REPLACE_CODE_FOR}, {@code ASB_TRACKING_REPLACE_CODE_LINKS_PER_REPORT}).
 */
@ConfigMapping(prefix = "asb.tracking")
public interface AccessCodeConfig {

    /** How long the emailed link works; it works once. */
    @WithDefault("PT24H")
    Duration replaceCodeFor();

    /**
     * How many links one report may be sent in {@link #replaceCodeFor()}, whoever asks, so nobody can
     * fill a victim's inbox; past it, requests get the same answer and nothing is sent.
     */
    @WithDefault("3")
    int replaceCodeLinksPerReport();
}
