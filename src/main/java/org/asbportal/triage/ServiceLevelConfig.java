package org.asbportal.triage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Service levels the partnership promises residents (working days come from the partnership's calendar). */
@ConfigMapping(prefix = "asb.service-levels")
public interface ServiceLevelConfig {

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
