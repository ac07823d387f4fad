package org.asbportal.figures;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Ward summaries, the public figures and the police data import ({@code asb.wards.*}). */
@ConfigMapping(prefix = "asb.wards")
public interface WardConfig {

    /**
     * Counts from 1 up to one less than this are shown as "fewer than N" in every breakdown of the ward
     * summaries and the public figures (ASB_WARDS_SUPPRESSION_THRESHOLD). At least 1; 1 shows everything.
     */
    @WithDefault("5")
    int suppressionThreshold();

    /** The months a summary covers when no range is asked for, ending with the current month. */
    @WithDefault("12")
    int defaultMonths();

    /** The longest range of months a summary may cover. */
    @WithDefault("120")
    int maxMonths();

    /** The most malformed rows a police import lists (all are counted). */
    @WithDefault("100")
    int maxImportErrors();

    /** How many top locations a summary and the district page list. */
    @WithDefault("10")
    int topLocations();

    /** The fewest incidents at one place over the chosen months for the district page to list it as a hotspot. */
    @WithDefault("3")
    int hotspotMinIncidents();

    /** How long the public figures are kept before being counted again. */
    @WithDefault("PT10M")
    Duration figuresCacheFor();

    /**
     * Residents per ward by ward code, e.g. {@code asb.wards.population.E36001578=9500}; wards not listed
     * fall back to the ward's {@code population} column. Rates per 1,000 residents are shown only for
     * wards with a population.
     */
    Map<String, Integer> population();
}
