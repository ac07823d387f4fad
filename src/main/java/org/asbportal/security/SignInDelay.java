package org.asbportal.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;

/**
 * Slows sign-ins to an account that has seen repeated failures, before {@link LoginThrottle} locks it:
 * from the {@code asb.staff.slow-after}th failure in a row each attempt waits, twice as long each
 * time up to {@code asb.staff.max-slow-down}. The wait happens before the password is checked and
 * does not hold a worker thread. It gives no identity itself, so the account's own check follows.
 */
@ApplicationScoped
public class SignInDelay implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final StaffSecurityConfig config;

    public SignInDelay(StaffSecurityConfig config) {
        this.config = config;
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
        return Uni.createFrom().item(() -> delayFor(failuresOf(request.getUsername())))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToUni(delay -> delay.isZero()
                        ? Uni.createFrom().<SecurityIdentity>nullItem()
                        : Uni.createFrom().item(delay).onItem().delayIt().by(delay).replaceWith(Uni.createFrom().nullItem()));
    }

    @Transactional
    int failuresOf(String username) {
        return StaffAccount.findByUsername(username).map(a -> a.failedLogins).orElse(0);
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
