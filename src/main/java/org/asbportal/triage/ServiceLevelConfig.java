package org.asbportal.triage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Service levels the partnership promises residents. */
@ConfigMapping(prefix = "asb.service-levels")
public interface ServiceLevelConfig {

    /** The partnership's time zone: working days and "today" are counted in it. */
    @WithDefault("Europe/London")
    ZoneId zone();

    /** Bank holidays, which are not working days (ISO dates, comma separated). */
    Optional<List<LocalDate>> bankHolidays();

    /** Working days to first contact, by risk level. */
    FirstContact firstContact();

    interface FirstContact {
        /** High risk. */
        @WithDefault("1")
        int high();

        /** Medium risk. */
        @WithDefault("2")
        int medium();

        /** Standard risk. */
        @WithDefault("5")
        int standard();
    }
}
