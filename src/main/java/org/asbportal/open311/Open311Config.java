package org.asbportal.open311;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The Open311 GeoReport v2 interface ({@code /open311}). Every value has an environment variable,
 * e.g. {@code ASB_OPEN311_CONTACT}. API keys are staff API tokens whose Open311 scope an
 * administrator sets when issuing them.
 */
@ConfigMapping(prefix = "asb.open311")
public interface Open311Config {

    /** Who developers contact about the interface, shown in the discovery document. */
    @WithDefault("Email the community safety team")
    String contact();

    /** How a developer gets an API key to send requests, shown in the discovery document. */
    @WithDefault("Ask the administrators for an API token allowed to send Open311 requests")
    String keyService();

    /** When the interface last changed (ISO 8601), shown as the discovery document's changesets. */
    @WithDefault("2026-12-06T00:00:00Z")
    String changeset();

    /** The longest time between start_date and end_date a search may ask for, in days; also the default span. */
    @WithDefault("90")
    int maxRangeDays();

    /** The most requests or updates one search answers with, newest requests first, oldest updates first. */
    @WithDefault("200")
    int maxResults();
}
