package org.asbportal.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A forgotten staff password, reset by a single-use link emailed to the account's address. Asking
 * says the same whether or not an account has the address, so it tells nobody who has an account;
 * links are limited per account and per client address. Using a link sets a password that meets
 * {@link PasswordPolicy}, unlocks the account and ends its sessions; two-factor sign-in, if on, is
 * still asked for at the next sign-in. The link's token is never stored or logged, only its SHA-256.
 */
@ApplicationScoped
public class PasswordResets {

    private static final Logger LOG = Logger.getLogger(PasswordResets.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A link was made, in the caller's transaction: whoever sends staff email (the administration
     * feature, through the outbox) writes it to the account's address. Security knows no mail itself.
     */
    public record LinkIssued(String email, String name, String link, long validForMinutes) {
    }

    private final PasswordResetConfig config;
    private final Clock clock;
    private final Event<LinkIssued> issued;
    private final AuditLog audit;
    private final StaffSessions sessions;
    private final AttemptLimiter limiter;
    private final String baseUrl;

    public PasswordResets(PasswordResetConfig config, Clock clock, Event<LinkIssued> issued, AuditLog audit, StaffSessions sessions,
            AttemptLimiter limiter, @ConfigProperty(name = "asb.site.base-url", defaultValue = "http://localhost:8080") String baseUrl) {
        this.config = config;
        this.clock = clock;
        this.issued = issued;
        this.audit = audit;
        this.sessions = sessions;
        this.limiter = limiter;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /**
     * Emails a link to the active account with this address, if there is one and it has not had its
     * links for the hour. Returns false only when the client has asked too often.
     */
    public boolean request(String email, String client) {
        if (limiter.take("password-reset:" + client, config.maxPerClient(), Duration.ofHours(1)).isPresent()) {
            return false;
        }
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty() || address.length() > 254 || !address.contains("@")) {
            return true;
        }
        send(address);
        return true;
    }

    @Transactional
    void send(String address) {
        Optional<StaffAccount> found = StaffAccount.find("lower(email) = ?1 and active = true", address).firstResultOptional();
        if (found.isEmpty()) {
            return;
        }
        StaffAccount account = found.get();
        Instant now = clock.instant();
        StaffPasswordReset.delete("expiresAt < ?1", now.minus(Duration.ofDays(1)));
        if (StaffPasswordReset.count("accountId = ?1 and createdAt > ?2", account.id, now.minus(Duration.ofHours(1)))
                >= config.maxPerHour()) {
            LOG.infof("Password reset link not sent to account %d: its links for the hour are used up", account.id);
            return;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        StaffPasswordReset reset = new StaffPasswordReset();
        reset.id = StaffSessions.hash(token);
        reset.accountId = account.id;
        reset.createdAt = now;
        reset.expiresAt = now.plus(config.validFor());
        reset.persist();
        issued.fire(new LinkIssued(account.email, account.displayName, baseUrl + "/password/reset?token=" + token,
                config.validFor().toMinutes()));
        audit.record(account.username, "PASSWORD_RESET_REQUESTED", null, "Asked for a password reset link by email");
    }

    /** Whether the link's token may still be used. */
    @Transactional
    public boolean usable(String token) {
        return find(token).isPresent();
    }

    /**
     * Sets the new password with the link, once: the link is spent, the account unlocked and its
     * sessions ended. Returns the problem with the password, or empty when it was set.
     * @throws IllegalArgumentException when the link is unknown, used or expired
     */
    @Transactional
    public Optional<String> reset(String token, String password) {
        StaffPasswordReset reset = find(token).orElseThrow(() -> new IllegalArgumentException("The link cannot be used"));
        Optional<String> problem = PasswordPolicy.problem(password);
        if (problem.isPresent()) {
            return problem;
        }
        if (StaffPasswordReset.update("usedAt = ?1 where id = ?2 and usedAt is null", clock.instant(), reset.id) != 1) {
            throw new IllegalArgumentException("The link cannot be used");
        }
        StaffAccount account = StaffAccount.findById(reset.accountId);
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.failedLogins = 0;
        account.lockouts = 0;
        account.lockedUntil = null;
        StaffPasswordReset.update("usedAt = ?1 where accountId = ?2 and usedAt is null", clock.instant(), account.id);
        sessions.endAll(account.id);
        audit.record(account.username, "PASSWORD_RESET_BY_EMAIL", null, "Set a new password with an emailed link");
        return Optional.empty();
    }

    private Optional<StaffPasswordReset> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        StaffPasswordReset reset = StaffPasswordReset.findById(StaffSessions.hash(token));
        if (reset == null || reset.usedAt != null || !reset.expiresAt.isAfter(clock.instant())) {
            return Optional.empty();
        }
        StaffAccount account = StaffAccount.findById(reset.accountId);
        return account != null && account.active ? Optional.of(reset) : Optional.empty();
    }
}
