package org.asbportal.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.security.spi.runtime.AuthenticationSuccessEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * Locks an account for a while after repeated failed sign-ins, and refuses locked or deactivated
 * accounts on every request, whatever the password. Failures are counted in the database, so the
 * lock holds on every replica.
 */
@ApplicationScoped
public class LoginThrottle implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    private final StaffSecurityConfig config;

    private final Clock clock;

    public LoginThrottle(StaffSecurityConfig config, Clock clock) {
        this.clock = clock;
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            if (!allowed(identity.getPrincipal().getName())) {
                throw new AuthenticationFailedException("Account locked or deactivated");
            }
            return identity;
        });
    }

    @Transactional
    boolean allowed(String username) {
        return StaffAccount.findByUsername(username)
                .map(a -> a.active && (a.lockedUntil == null || a.lockedUntil.isBefore(clock.instant())))
                .orElse(false);
    }

    void onFailure(@ObservesAsync AuthenticationFailureEvent event) {
        Object context = event.getEventProperties().get(RoutingContext.class.getName());
        if (context instanceof RoutingContext routingContext) {
            usernameOf(routingContext).ifPresent(this::countFailure);
        }
    }

    void onSuccess(@ObservesAsync AuthenticationSuccessEvent event) {
        if (event.getSecurityIdentity() != null && !event.getSecurityIdentity().isAnonymous()) {
            resetFailures(event.getSecurityIdentity().getPrincipal().getName());
        }
    }

    /** Counted in single statements, so failures reported at the same moment are all counted. */
    @Transactional
    void countFailure(String username) {
        StaffAccount.update("failedLogins = failedLogins + 1 where username = ?1", username);
        int locked = StaffAccount.update("lockedUntil = ?1, failedLogins = 0 where username = ?2 and failedLogins >= ?3",
                clock.instant().plus(config.lockout()), username, config.maxFailedLogins());
        if (locked > 0) {
            LOG.warnf("Staff account %s locked for %s after repeated failed sign-ins", username, config.lockout());
        }
    }

    @Transactional
    void resetFailures(String username) {
        StaffAccount.update("failedLogins = 0 where username = ?1 and failedLogins > 0", username);
    }

    /** The username tried: from the sign-in form or the Basic credentials. */
    static Optional<String> usernameOf(RoutingContext context) {
        if (context == null) {
            return Optional.empty();
        }
        String form = context.request().getFormAttribute("j_username");
        if (form != null && !form.isBlank()) {
            return Optional.of(form.strip());
        }
        String header = context.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon > 0 ? Optional.of(decoded.substring(0, colon)) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
