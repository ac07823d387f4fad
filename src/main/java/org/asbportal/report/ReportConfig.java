package org.asbportal.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Rules for residents' reports that the partnership may set. */
@ConfigMapping(prefix = "asb.report")
public interface ReportConfig {

    /** When two reports count as possible duplicates. */
    Duplicates duplicates();

    interface Duplicates {
        /** Largest distance, in metres, between the map points of two possible duplicates. */
        @WithDefault("150")
        int distanceMetres();

        /** Largest number of days between the dates two possible duplicates happened on. */
        @WithDefault("7")
        int windowDays();
    }
}
