package org.asbportal.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** API tokens for scripts and integrations ({@code asb.api-tokens.*}). */
@ConfigMapping(prefix = "asb.api-tokens")
public interface ApiTokenConfig {

    /** The longest a token may be valid for; its expiry is chosen when it is made (ASB_API_TOKENS_MAX_VALIDITY). */
    @WithDefault("P365D")
    Duration maxValidity();

    /** The validity the creation form suggests, at most {@link #maxValidity()} (ASB_API_TOKENS_DEFAULT_VALIDITY). */
    @WithDefault("P90D")
    Duration defaultValidity();
}
