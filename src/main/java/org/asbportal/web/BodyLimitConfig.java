package org.asbportal.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** How much of a request body the portal reads ({@code asb.http.*}). */
@ConfigMapping(prefix = "asb.http")
public interface BodyLimitConfig {

    /**
     * The largest request body, in bytes, read on any route but {@link #largeBodyPaths()}
     * (ASB_HTTP_MAX_BODY, default 1 MiB), counted as it arrives whether or not a length was declared.
     */
    @WithDefault("1048576")
    long maxBody();

    /**
     * The routes that may receive bodies up to {@code quarkus.http.limits.max-body-size}: the
     * administrators' uploads (ASB_HTTP_LARGE_BODY_PATHS, comma-separated exact paths).
     */
    Set<String> largeBodyPaths();
}
