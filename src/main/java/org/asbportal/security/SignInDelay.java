package org.asbportal.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Slows sign-ins to an account that has seen repeated failures, before {@link LoginThrottle} locks it:
 * from the {@code asb.staff.slow-after}th failure in a row each attempt waits, twice as long each
 * time up to {@code asb.staff.max-slow-down}. The wait happens before the password is checked and
 * does not hold a worker thread. First it waits for {@link AdminBootstrap} if that is still writing
 * the administrator named by the environment. Before the wait, {@link LoginThrottle#admit} counts the attempt and refuses
 * it when the client or the account has no attempts left. It gives no identity itself, so the
 * account's own check follows.
 */
@ApplicationScoped
public class SignInDelay implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Longer than the administrator's first write ever takes on a reachable database. */
    private static final Duration BOOTSTRAP_WAIT = Duration.ofSeconds(30);

    private final StaffSecurityConfig config;
    private final LoginThrottle throttle;
    private final AdminBootstrap bootstrap;

    public SignInDelay(StaffSecurityConfig config, LoginThrottle throttle, AdminBootstrap bootstrap) {
        this.config = config;
        this.throttle = throttle;
        this.bootstrap = bootstrap;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Before the account's own password check (security-jpa's provider has the default priority, 1001). */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        return Uni.createFrom().item(() -> {
                    // A sign-in in the first moments after start sees the administrator of the environment.
                    bootstrap.awaitDone(BOOTSTRAP_WAIT);
                    return delayFor(throttle.admit(request.getUsername(), routing).failuresBefore());
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToUni(delay -> delay.isZero()
                        ? Uni.createFrom().<SecurityIdentity>nullItem()
                        : Uni.createFrom().item(delay).onItem().delayIt().by(delay).replaceWith(Uni.createFrom().nullItem()));
    }

    /** No wait below the threshold; then the first wait, doubled for every further failure, capped. */
    Duration delayFor(int failures) {
        int beyond = failures - config.slowAfter();
        if (beyond < 0) {
            return Duration.ZERO;
        }
        Duration delay = config.slowDown().multipliedBy(1L << Math.min(beyond, 20));
        return delay.compareTo(config.maxSlowDown()) > 0 ? config.maxSlowDown() : delay;
    }
}
