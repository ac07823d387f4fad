package org.asbportal.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready when the administrator named by the environment could not be written at start: the
 * replica would otherwise serve with an administrator who cannot sign in, and nobody would notice.
 */
@Readiness
@ApplicationScoped
public class AdminBootstrapCheck implements HealthCheck {

    private final AdminBootstrap bootstrap;

    public AdminBootstrapCheck(AdminBootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("administrator-from-environment").status(!bootstrap.failed()).build();
    }
}
