package org.asbportal.web;

import java.util.Map;

/**
 * Routes where residents send files, each with the largest body it reads: a feature that takes files
 * registers its routes as a bean of this type, and {@link BodySizeGuard} holds each to its own limit
 * instead of {@link BodyLimitConfig#maxBody()}.
 */
public interface UploadRoutes {

    /** Exact paths, as requested, and the largest body in bytes each reads. */
    Map<String, Long> maxBodies();
}
