package org.asbportal.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Staff resetting a forgotten password by an emailed single-use link ({@code asb.staff.password-reset.*}). */
@ConfigMapping(prefix = "asb.staff.password-reset")
public interface PasswordResetConfig {

    /** How long a link works (ASB_STAFF_PASSWORD_RESET_VALID_FOR). */
    @WithDefault("PT1H")
    Duration validFor();

    /** Links one account may be sent in an hour, so nobody can flood someone's inbox (ASB_STAFF_PASSWORD_RESET_MAX_PER_HOUR). */
    @WithDefault("3")
    int maxPerHour();

    /** Requests for a link one client address may make in an hour (ASB_STAFF_PASSWORD_RESET_MAX_PER_CLIENT). */
    @WithDefault("20")
    int maxPerClient();
}
