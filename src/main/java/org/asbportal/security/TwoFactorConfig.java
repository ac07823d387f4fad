package org.asbportal.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Two-factor sign-in for staff ({@code asb.staff.two-factor.*}). */
@ConfigMapping(prefix = "asb.staff.two-factor")
public interface TwoFactorConfig {

    /**
     * Roles whose accounts must sign in with two-factor (ASB_STAFF_TWO_FACTOR_REQUIRED_ROLES, comma
     * separated): ADMIN in production, none in dev and test. Administrators may also require it for
     * every account of an organisation.
     */
    Optional<List<String>> requiredRoles();

    /** Wrong codes an account may enter in the window before it must wait (ASB_STAFF_TWO_FACTOR_MAX_ATTEMPTS). */
    @WithDefault("5")
    int maxAttempts();

    /** The window wrong codes are counted in (ASB_STAFF_TWO_FACTOR_ATTEMPT_WINDOW). */
    @WithDefault("PT15M")
    Duration attemptWindow();

    /** The name authenticator apps show beside the account (ASB_STAFF_TWO_FACTOR_ISSUER). */
    @WithDefault("ASB portal")
    String issuer();
}
