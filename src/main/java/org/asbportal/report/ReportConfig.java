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

        /**
         * Most earlier reports one report is linked to: the earliest of its possible duplicates. A
         * place reported hundreds of times (a fireworks night) then costs each new report the same
         * few links instead of one for every report before it.
         */
        @WithDefault("20")
        int maxLinks();
    }
}
