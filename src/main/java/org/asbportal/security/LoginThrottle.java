package org.asbportal.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jboss.logging.Logger;

/**
 * Limits password guessing against staff accounts (the rules are in {@link StaffSecurityConfig}) and
 * refuses deactivated accounts on every request.
 * <p>
 * Every attempt with a password, from the sign-in form or HTTP Basic, is admitted by
 * {@link #admit} before the password is checked, and counted there: against
 * the client address and the client address with the account (in {@code attempt_counter}), and
 * against the account ({@code staff_account.failed_logins}). An account's count is claimed with its
 * row locked ({@code SELECT ... FOR UPDATE}), refused while the account is locked, and the attempt
 * that reaches the limit locks it; so however many attempts arrive together, no more than {@code max-failed-logins} passwords are checked before
 * the lock. A right password takes its attempt back: {@link #augment} clears the account's count and
 * lock and the client's counts. So failures stay counted, and a burst cannot outrun its own count.
 * <p>
 * One client address may fail fewer times at one account than lock it, so locking someone out takes
 * several addresses, and a lock is short (doubling while failures go on). A lock holds against every
 * address, the right password included: letting a "clean" address through would give guessers with
 * many addresses unlimited tries. Sessions already signed in are not ended by a lock, only by
 * deactivation (and by {@link StaffSessions}).
 * <p>
 * An attempt counts until its password is found right, so a script sending more requests at once
 * than the limits allow may see some refused (401) and slowed; none is left counted, as refused
 * attempts are taken back and so are right passwords, so it may simply send them again.
 */
@ApplicationScoped
public class LoginThrottle implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    /** Where the routing context keeps the attempt {@link #admit} let through. */
    static final String ADMITTED = LoginThrottle.class.getName() + ".admitted";
    static final String SIGN_IN_PATH = "/j_security_check";

    /** An attempt let through: its buckets, to take back if the password is right. */
    record Attempt(String username, List<String> buckets, int failuresBefore) {
    }

    private final StaffSecurityConfig config;
    private final Clock clock;
    private final AgroalDataSource dataSource;
    private final AttemptLimiter limiter;
    private final StaffSessions sessions;
    private final TwoFactorService twoFactor;

    public LoginThrottle(StaffSecurityConfig config, Clock clock, AgroalDataSource dataSource, AttemptLimiter limiter,
            StaffSessions sessions, TwoFactorService twoFactor) {
        this.twoFactor = twoFactor;
        this.clock = clock;
        this.config = config;
        this.dataSource = dataSource;
        this.limiter = limiter;
        this.sessions = sessions;
    }

    /**
     * Counts an attempt with a password before it is checked, and says how many attempts in a row the
     * account had seen before it; refuses it when the client or the account has no attempts left.
     * Blocking: called on a worker thread.
     */
    Attempt admit(String username, RoutingContext routing) {
        String client = routing == null ? "unknown" : clientOf(routing);
        String name = username == null ? "" : username.strip();
        List<String> buckets = List.of("signin:" + client, "signin:" + client + ":" + digest(name.toLowerCase(Locale.ROOT)));
        if (!limiter.claim(config.clientWindow(), buckets,
                List.of(config.maxFailuresPerClient(), config.maxFailuresPerClientAccount()))) {
            // Neither the address nor the name tried goes in the log: both can identify a person.
            LOG.warn("Sign-in refused: too many failed sign-ins from one client");
            throw new AuthenticationFailedException("Too many failed sign-ins from this client");
        }
        Integer before = claimAccount(name);
        if (before == null) {
            // No password was checked: the account's lock is its own protection.
            limiter.forgive(buckets.toArray(String[]::new));
            throw new AuthenticationFailedException("Account locked");
        }
        Attempt attempt = new Attempt(name, buckets, before);
        if (routing != null) {
            routing.put(ADMITTED, attempt);
        }
        return attempt;
    }

    /**
     * Claims an attempt on the account with its row locked, so attempts arriving together are counted
     * one after another: refused (null) while the account is locked; otherwise counted, and the
     * attempt that reaches the limit locks the account, for the first lock's length doubled for every
     * lock since the last success, at most the longest lock. Returns the attempts in a row before this
     * one; 0 for a username no account has.
     */
    Integer claimAccount(String username) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Integer before = claimAccount(connection, username, now);
                connection.commit();
                return before;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count a sign-in attempt", e);
        }
    }

    private Integer claimAccount(Connection connection, String username, Instant now) throws SQLException {
        int failures;
        int lockouts;
        long id;
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT id, failed_logins, lockouts, locked_until FROM staff_account WHERE username = ? FOR UPDATE")) {
            read.setString(1, username);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    return 0;
                }
                Timestamp lockedUntil = row.getTimestamp(4);
                if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
                    return null;
                }
                id = row.getLong(1);
                failures = row.getInt(2);
                lockouts = row.getInt(3);
            }
        }
        boolean lock = failures + 1 >= config.maxFailedLogins();
        try (PreparedStatement write = connection.prepareStatement(
                "UPDATE staff_account SET failed_logins = ?, lockouts = ?, locked_until = ? WHERE id = ?")) {
            if (lock) {
                Duration length = config.lockout().multipliedBy(1L << Math.min(lockouts, 20));
                Instant until = now.plus(length.compareTo(config.maxLockout()) > 0 ? config.maxLockout() : length);
                write.setInt(1, 0);
                write.setInt(2, lockouts + 1);
                write.setTimestamp(3, Timestamp.from(until));
                LOG.warnf("Staff account %d locked until %s after %d sign-in attempts in a row", id, until,
                        config.maxFailedLogins());
            } else {
                write.setInt(1, failures + 1);
                write.setInt(2, lockouts);
                write.setTimestamp(3, null);
            }
            write.setLong(4, id);
            write.executeUpdate();
        }
        return failures;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    /**
     * After a password was checked and found right ({@link #admit} let the attempt through in this
     * request): its attempt is taken back, and a sign-in with the form opens a session. Every
     * identity, whether from a password or a signed-in session, is refused when its account is
     * deactivated.
     */
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        if (identity.isAnonymous() || identity.getAttribute(ApiTokens.TOKEN_ID_ATTRIBUTE) != null) {
            // An API token's account was found active in the same read that found the token.
            return Uni.createFrom().item(identity);
        }
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        Attempt attempt = routing == null ? null : routing.get(ADMITTED);
        String username = identity.getPrincipal().getName();
        return context.runBlocking(() -> {
            if (!active(username)) {
                throw new AuthenticationFailedException("Account deactivated");
            }
            if (attempt != null) {
                routing.remove(ADMITTED);
                succeeded(username);
                limiter.forgive(attempt.buckets().toArray(String[]::new));
                String secondFactor = secondFactor(username);
                if (routing.request().method() == HttpMethod.POST && SIGN_IN_PATH.equals(routing.normalizedPath())) {
                    routing.response().addCookie(sessions.cookie(sessions.open(username, secondFactor,
                            SecondFactorGate.browser(routing.request().getHeader("User-Agent")))));
                } else if (secondFactor != null) {
                    // HTTP Basic sends a password only: an account with (or owing) two-factor uses an API token instead.
                    throw new AuthenticationFailedException("HTTP Basic is refused for an account with two-factor sign-in");
                }
            }
            return identity;
        });
    }

    /** What a session opened with the account's right password still needs (see {@link TwoFactorService#pendingFor}). */
    @Transactional
    String secondFactor(String username) {
        return StaffAccount.findByUsername(username).map(twoFactor::pendingFor).orElse(null);
    }

    @Transactional
    boolean active(String username) {
        return StaffAccount.count("username = ?1 and active = true", username) == 1;
    }

    /** A right password: the account's attempts in a row, and any lock they led to, are cleared. */
    @Transactional
    void succeeded(String username) {
        StaffAccount.update("failedLogins = 0, lockouts = 0, lockedUntil = null where username = ?1 "
                + "and (failedLogins > 0 or lockouts > 0 or lockedUntil is not null)", username);
    }

    /**
     * The client as Quarkus gives it (the proxy's forwarded address when forwarding is configured).
     * An IPv6 client is its /64 network, as one household or device usually has a whole one.
     */
    static String clientOf(RoutingContext routing) {
        SocketAddress address = routing.request().remoteAddress();
        String host = address == null ? null : address.hostAddress() != null ? address.hostAddress() : address.host();
        if (host == null || host.isBlank()) {
            return "unknown";
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.indexOf(':') >= 0) {
            try {
                byte[] bytes = InetAddress.getByName(host).getAddress();
                if (bytes.length == 16) {
                    return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
                }
            } catch (UnknownHostException e) {
                return host;
            }
        }
        return host;
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
