package org.asbportal.triage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * When a case is flagged as a repeat: the partnership sets how many reports or cases, within how
 * many days of the case's report, make a repeat victim, location or perpetrator.
 */
@ConfigMapping(prefix = "asb.repeat")
public interface RepeatConfig {

    /** Repeat victim: at least this many reports (this one included) from the same email or phone. */
    @WithDefault("3")
    int victimReports();

    /**
     * Repeat location: at least this many reports (this one included) at the same described place in the
     * same ward, or within the possible-duplicate distance of this report's map point.
     */
    @WithDefault("3")
    int locationReports();

    /** Repeat perpetrator: a perpetrator of this case is linked to at least this many cases (this one included). */
    @WithDefault("2")
    int perpetratorCases();

    /** Only reports submitted within this many days before or after this case's report count. */
    @WithDefault("365")
    int windowDays();
}
