package org.asbportal.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Sign-in protection for staff accounts ({@code asb.staff.*}). Guessing is limited three ways, each
 * counted in the database so every replica enforces it:
 * <ul>
 * <li>per client address and account: {@link #maxFailuresPerClientAccount()} failures in
 * {@link #clientWindow()}, fewer than lock an account, so one address cannot lock anyone;</li>
 * <li>per client address: {@link #maxFailuresPerClient()} failures in the window, whatever the accounts;</li>
 * <li>per account: {@link #maxFailedLogins()} attempts in a row without a success lock it, first for
 * {@link #lockout()}, then twice as long at every further lock up to {@link #maxLockout()}.</li>
 * </ul>
 */
@ConfigMapping(prefix = "asb.staff")
public interface StaffSecurityConfig {

    /** Sign-in attempts in a row without a success that lock an account (ASB_STAFF_MAX_FAILED_LOGINS). */
    @WithDefault("10")
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

    /** How long an account's first lock lasts; each further lock in a row lasts twice as long (ASB_STAFF_LOCKOUT). */
    @WithDefault("PT1M")
    Duration lockout();

    /** The longest lock (ASB_STAFF_MAX_LOCKOUT). */
    @WithDefault("PT30M")
    Duration maxLockout();

    /** Failed sign-ins one client address may make, to any accounts, in the window (ASB_STAFF_MAX_FAILURES_PER_CLIENT). */
    @WithDefault("20")
    int maxFailuresPerClient();

    /**
     * Failed sign-ins one client address may make to one account in the window
     * (ASB_STAFF_MAX_FAILURES_PER_CLIENT_ACCOUNT); below {@link #maxFailedLogins()}, so locking an
     * account takes several addresses.
     */
    @WithDefault("5")
    int maxFailuresPerClientAccount();

    /** The window failures per client are counted in (ASB_STAFF_CLIENT_WINDOW). */
    @WithDefault("PT15M")
    Duration clientWindow();

    /** The longest a signed-in session lasts, however busy (ASB_STAFF_SESSION_MAX_AGE). */
    @WithDefault("PT12H")
    Duration sessionMaxAge();

    /** Whether the sign-in cookies are sent over HTTPS only (ASB_STAFF_SECURE_COOKIE); off in dev and test. */
    @WithDefault("true")
    boolean secureCookie();
}
