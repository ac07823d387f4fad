package org.asbportal.security;

import io.nayuki.qrcodegen.QrCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;


/**
 * Two-factor sign-in for staff with an authenticator app ({@link Totp}): setting it up (a QR code,
 * a code to confirm, ten recovery codes), the code asked for after the password, and an
 * administrator's reset. Whether an account must have it: its organisation requires it, or one of
 * its roles is in {@link TwoFactorConfig#requiredRoles()}. Set-up, resets and every use of a
 * recovery code leave an audit entry; codes, secrets and recovery codes never reach a log.
 */
@ApplicationScoped
public class TwoFactorService {

    /** What a new session still needs after the password. */
    public static final String CODE = "CODE";
    public static final String SETUP = "SETUP";
    static final String PURPOSE = "staff-two-factor";
    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The set-up page: the secret as an otpauth URI, a QR code of it and the secret to type in. */
    public record Enrolment(String secret, String uri, String qrSvg) {
    }

    /** How a code entered at sign-in was accepted: from the app, or as a recovery code (with how many are left). */
    public record Verified(boolean recoveryCode, long recoveryCodesLeft) {
    }

    private final TwoFactorConfig config;
    private final SecretBox box;
    private final Clock clock;
    private final AuditLog audit;
    private final AttemptLimiter limiter;
    private final StaffSessions sessions;

    public TwoFactorService(TwoFactorConfig config, SecretBox box, Clock clock, AuditLog audit, AttemptLimiter limiter,
            StaffSessions sessions) {
        this.config = config;
        this.box = box;
        this.clock = clock;
        this.audit = audit;
        this.limiter = limiter;
        this.sessions = sessions;
    }

    /** Whether the account must sign in with two-factor. */
    public boolean required(StaffAccount account) {
        if (account.organisation != null && account.organisation.requireTwoFactor) {
            return true;
        }
        return config.requiredRoles().orElse(List.of()).stream().map(String::strip).anyMatch(account::hasRole);
    }

    /** Whether the account has an authenticator app set up. */
    @Transactional
    public boolean enabled(long accountId) {
        StaffTwoFactor factor = StaffTwoFactor.findById(accountId);
        return factor != null && factor.confirmed();
    }

    /** What a session opened with the account's password still needs: a code, a set-up, or nothing (null). */
    @Transactional
    public String pendingFor(StaffAccount account) {
        if (enabled(account.id)) {
            return CODE;
        }
        return required(account) ? SETUP : null;
    }

    /** The secret being set up (kept until confirmed, so reloading the page shows the same QR code). */
    @Transactional
    public Enrolment begin(StaffAccount account) {
        StaffTwoFactor factor = StaffTwoFactor.findById(account.id);
        if (factor != null && factor.confirmed()) {
            throw new IllegalStateException("Two-factor sign-in is already set up");
        }
        if (factor == null) {
            factor = new StaffTwoFactor();
            factor.accountId = account.id;
            factor.secretSealed = box.seal(Totp.newSecret(), PURPOSE);
            factor.persist();
        }
        String secret = Totp.base32(box.open(factor.secretSealed, PURPOSE));
        String label = encode(config.issuer()) + ":" + encode(account.username);
        String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(config.issuer())
                + "&algorithm=SHA1&digits=6&period=30";
        return new Enrolment(Totp.grouped(secret), uri, QrSvg.of(QrCode.encodeText(uri, QrCode.Ecc.MEDIUM)));
    }

    /**
     * Confirms the set-up with a code from the app: two-factor is on from now, the session that set it
     * up is complete, and the new recovery codes are returned (shown once, kept only as hashes).
     * Wrong codes are counted outside the transaction, so a refusal cannot roll its count back.
     */
    public List<String> confirm(StaffAccount account, String code, String sessionToken) {
        if (code == null || code.isBlank()) {
            throw new TwoFactorException("Enter the 6-digit code from your authenticator app");
        }
        requireAttempt(account);
        List<String> codes = QuarkusTransaction.requiringNew().call(() -> confirmed(account, code, sessionToken));
        limiter.forgive(bucket(account));
        return codes;
    }

    private List<String> confirmed(StaffAccount account, String code, String sessionToken) {
        StaffTwoFactor factor = StaffTwoFactor.findById(account.id);
        if (factor == null || factor.confirmed()) {
            throw new TwoFactorException("Start setting up two-factor sign-in again");
        }
        OptionalLong step = Totp.match(box.open(factor.secretSealed, PURPOSE), code, clock.instant(), factor.lastStep);
        if (step.isEmpty()) {
            throw new TwoFactorException(
                    "The code is not right: enter the 6-digit code your app shows now");
        }
        factor.confirmedAt = clock.instant();
        factor.lastStep = step.getAsLong();
        List<String> codes = newRecoveryCodes(account.id);
        sessions.completeSecondFactor(sessionToken);
        audit.record(account.username, "TWO_FACTOR_SET_UP", null, "Set up two-factor sign-in with an authenticator app");
        return codes;
    }

    /**
     * Checks the code entered after the password: a code from the app (each accepted once), or one
     * of the account's recovery codes (each used once). Completes the session when right; wrong
     * codes are limited per account ({@link TwoFactorConfig#maxAttempts()} in the window).
     */
    public Verified verify(StaffAccount account, String code, String sessionToken) {
        String entered = code == null ? "" : code.strip();
        if (entered.isEmpty()) {
            throw new TwoFactorException("Enter the 6-digit code from your authenticator app, or a recovery code");
        }
        requireAttempt(account);
        Verified verified = QuarkusTransaction.requiringNew().call(() -> verified(account, entered, sessionToken));
        limiter.forgive(bucket(account));
        return verified;
    }

    private Verified verified(StaffAccount account, String entered, String sessionToken) {
        StaffTwoFactor factor = StaffTwoFactor.findById(account.id);
        if (factor == null || !factor.confirmed()) {
            throw new TwoFactorException("Two-factor sign-in is not set up for this account: sign in again");
        }
        OptionalLong step = Totp.match(box.open(factor.secretSealed, PURPOSE), entered, clock.instant(), factor.lastStep);
        Verified verified = null;
        // The step is claimed with a conditional update, so two requests with one code cannot both pass.
        if (step.isPresent() && StaffTwoFactor.update("lastStep = ?1 where accountId = ?2 and lastStep < ?1",
                step.getAsLong(), account.id) == 1) {
            verified = new Verified(false, 0);
        } else if (useRecoveryCode(account.id, entered)) {
            long left = StaffRecoveryCode.count("accountId = ?1 and usedAt is null", account.id);
            audit.record(account.username, "TWO_FACTOR_RECOVERY_CODE_USED", null,
                    "Signed in with a recovery code; " + left + " left");
            verified = new Verified(true, left);
        }
        if (verified == null) {
            throw new TwoFactorException(
                    "The code is not right: enter the code your app shows now, or an unused recovery code");
        }
        sessions.completeSecondFactor(sessionToken);
        return verified;
    }

    /** An administrator's reset: the app and the recovery codes are forgotten and the account's sessions end. */
    @Transactional
    public boolean reset(StaffAccount account) {
        long removed = StaffTwoFactor.delete("accountId", account.id);
        StaffRecoveryCode.delete("accountId", account.id);
        sessions.endAll(account.id);
        return removed > 0;
    }

    private void requireAttempt(StaffAccount account) {
        if (!limiter.claim(config.attemptWindow(), List.of(bucket(account)), List.of(config.maxAttempts()))) {
            throw new TwoFactorException("Too many wrong codes. Wait "
                    + Math.max(1, config.attemptWindow().toMinutes()) + " minutes, then try again");
        }
    }

    private static String bucket(StaffAccount account) {
        return "two-factor:" + account.id;
    }

    private boolean useRecoveryCode(long accountId, String entered) {
        String normalised = entered.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (normalised.length() != 10) {
            return false;
        }
        return StaffRecoveryCode.update("usedAt = ?1 where accountId = ?2 and codeHash = ?3 and usedAt is null",
                clock.instant(), accountId, hash(normalised)) == 1;
    }

    private List<String> newRecoveryCodes(long accountId) {
        StaffRecoveryCode.delete("accountId", accountId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            StaffRecoveryCode row = new StaffRecoveryCode();
            row.accountId = accountId;
            row.codeHash = hash(code.toString());
            row.persist();
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
