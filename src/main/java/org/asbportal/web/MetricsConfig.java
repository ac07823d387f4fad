package org.asbportal.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Prometheus metrics at {@code /q/metrics}: who may read them, and how fresh the counted gauges are. */
@ConfigMapping(prefix = "asb.metrics")
public interface MetricsConfig {

    /** Who may read {@code /q/metrics}: the policy of its HTTP permission. */
    enum Access {
        /** Nobody: refused (the default in production). */
        DENY,
        /** Anyone who can reach the port: for a cluster where only Prometheus can (a NetworkPolicy). */
        PERMIT,
        /** A staff account, by API token ({@code Authorization: Bearer asb_...}) or HTTP Basic. */
        AUTHENTICATED
    }

    /** ASB_METRICS_ACCESS: {@code deny} in production unless set, {@code permit} in dev and test. */
    @WithDefault("deny")
    Access access();

    /**
     * ASB_METRICS_REFRESH_EVERY: how often the gauges counted from the database (queue items, Community
     * Trigger steps) are counted again, e.g. {@code 30s}; {@code off} stops it (tests refresh them).
     */
    @WithDefault("30s")
    String refreshEvery();
}
