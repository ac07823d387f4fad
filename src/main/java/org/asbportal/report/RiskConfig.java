package org.asbportal.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Victim risk screening. No national scoring is published, so every weight and threshold is the
 * partnership's to set; the defaults follow common council practice. A report's score is the sum of
 * the weights of the answers that apply; the level is the highest threshold the score reaches.
 */
@ConfigMapping(prefix = "asb.risk")
public interface RiskConfig {

    /** Score at or above which a report is medium risk. */
    @WithDefault("3")
    int mediumThreshold();

    /** Score at or above which a report is high risk. */
    @WithDefault("6")
    int highThreshold();

    /** Weights of the screening answers. */
    Weights weights();

    interface Weights {
        /** It has happened before. */
        @WithDefault("2")
        int happenedBefore();

        /** It is aimed at the victim because of who they are (disability, race, religion, sexuality, gender identity). */
        @WithDefault("3")
        int targetedForIdentity();

        /** Some effect on health, sleep, family or work. */
        @WithDefault("1")
        int someImpact();

        /** A serious effect on health, sleep, family or work. */
        @WithDefault("3")
        int severeImpact();

        /** The victim feels unsafe in their own home. */
        @WithDefault("4")
        int feelsUnsafeAtHome();

        /** Children or a vulnerable adult are affected. */
        @WithDefault("3")
        int vulnerablePeopleAffected();

        /** It is still happening. */
        @WithDefault("1")
        int stillHappening();
    }
}
