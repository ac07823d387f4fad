package org.asbportal.triage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the partnership's standing meetings look at. */
@ConfigMapping(prefix = "asb.meetings")
public interface MeetingConfig {

    /** Joint Operations Group: a location is a hotspot with at least this many reports... */
    @WithDefault("3")
    int jogMinReports();

    /** ...within this many days. */
    @WithDefault("30")
    int jogDays();

    /** Case lists start this many days back unless the officer picks a date. */
    @WithDefault("7")
    int defaultDaysBack();
}
