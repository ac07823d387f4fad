package org.asbportal.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Sign-in protection for staff accounts. */
@ConfigMapping(prefix = "asb.staff")
public interface StaffSecurityConfig {

    /** Failed sign-ins in a row that lock an account. */
    @WithDefault("5")
    int maxFailedLogins();

    /** How long a locked account stays locked. */
    @WithDefault("PT15M")
    Duration lockout();
}
