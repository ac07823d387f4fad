package org.asbportal.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

import org.jboss.logging.Logger;

/**
 * Says at start who may read {@code /q/metrics} ({@link MetricsConfig#access()}, applied by the
 * {@code quarkus.http.auth.permission.metrics} policy), so an operator whose Prometheus is refused
 * sees why in the log.
 */
@ApplicationScoped
public class MetricsAccess {

    private static final Logger LOG = Logger.getLogger(MetricsAccess.class);

    private final MetricsConfig config;

    public MetricsAccess(MetricsConfig config) {
        this.config = config;
    }

    void announce(@Observes StartupEvent started) {
        String access = config.access().name().toLowerCase(Locale.ROOT);
        LOG.infof("Prometheus metrics at /q/metrics: %s (ASB_METRICS_ACCESS: deny, permit or authenticated); "
                + "gauges counted every %s", access, config.refreshEvery());
    }
}
