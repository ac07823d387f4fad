package org.asbportal.triage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How new reports are routed when the partnership's rules leave one unmatched. */
@ConfigMapping(prefix = "asb.routing")
public interface RoutingConfig {

    /** Code of the queue that takes a report no routing rule matches. */
    @WithDefault("MANUAL_CHECK")
    String fallbackQueue();
}
