package org.asbportal.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How often each replica checks whether reference data it holds in memory was changed ({@link ReferenceData}). */
@ConfigMapping(prefix = "asb.cache")
public interface CacheConfig {

    /**
     * How often the change counters are read (ASB_CACHE_CHECK_EVERY), e.g. {@code 5s}; {@code off}
     * stops the check (a replica then sees only its own edits). An edit made on another replica shows
     * here within this time.
     */
    @WithDefault("5s")
    String checkEvery();
}
