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

    /** Failed sign-ins in a row after which every further attempt on the account is slowed. */
    @WithDefault("3")
    int slowAfter();

    /** The first wait once sign-ins are slowed; it doubles with every further failure. */
    @WithDefault("PT1S")
    Duration slowDown();

    /** The longest wait of a slowed sign-in. */
    @WithDefault("PT8S")
    Duration maxSlowDown();

    /** How long a locked account stays locked. */
    @WithDefault("PT15M")
    Duration lockout();
}
