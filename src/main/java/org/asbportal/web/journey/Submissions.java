package org.asbportal.web.journey;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.asbportal.security.AccessCodes;
import org.asbportal.security.CaptchaResult;
import org.asbportal.security.CaptchaVerifier;
import org.asbportal.security.ClientLimits;
import org.asbportal.security.TooManyAttemptsException;
import org.asbportal.web.FieldError;
import org.asbportal.web.IdempotencyConflictException;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.SerialisationRetry;

/**
 * The one way a resident's submission is taken, from a journey or the JSON API: replay what was saved
 * under the same idempotency key, validate, the per-client limit of its kind, robot check (an unreachable Google accepts it
 * unverified), access code (derived from the key, so a replay shows the same one), then save in a
 * transaction of its own, run again (a bounded number of times) when the database rolls it back to
 * break a deadlock, and follow up once it is committed. A concurrent double submit with one key
 * saves once: the loser replays. What is acknowledged is committed before the answer is sent.
 */
@ApplicationScoped
public class Submissions {

    /**
     * What a kind of submission (a report, an application) brings to the pipeline.
     *
     * @param robotCheckAction the reCAPTCHA action its form sends
     * @param robotCheckRefused what to say when the robot check fails
     * @param accessCodeScope keeps access codes of different kinds apart when their keys are the same
     * @param validate every problem with the request, in the order the questions are asked
     * @param captchaToken the robot check token the request carries; null for a kind taken only from a
     *     client that proved who it is before (a valid API key), which has no robot check
     * @param fingerprint a hash of the request without its robot check token
     * @param earlier what was saved under an idempotency key hash, shown with an access code
     * @param save saves the request; called inside the pipeline's transaction, run again when the
     *     database rolls it back to break a deadlock
     * @param limit how many of this kind one client may send in a while
     * @param afterCommit follow-up work on what was saved once it is committed, in transactions of its
     *     own, such as linking a report to others saved at the same time; returns the outcome to show
     */
    public record Kind<R, O>(String robotCheckAction, String robotCheckRefused, String accessCodeScope,
            Function<R, List<FieldError>> validate, Function<R, String> captchaToken, Function<R, String> fingerprint,
            BiFunction<String, String, Optional<Earlier<O>>> earlier, BiFunction<R, Receipt, O> save,
            ClientLimits.Limit limit, UnaryOperator<O> afterCommit) {

        /** A kind with nothing to do after its transaction commits. */
        public Kind(String robotCheckAction, String robotCheckRefused, String accessCodeScope,
                Function<R, List<FieldError>> validate, Function<R, String> captchaToken, Function<R, String> fingerprint,
                BiFunction<String, String, Optional<Earlier<O>>> earlier, BiFunction<R, Receipt, O> save,
                ClientLimits.Limit limit) {
            this(robotCheckAction, robotCheckRefused, accessCodeScope, validate, captchaToken, fingerprint, earlier, save,
                    limit, UnaryOperator.identity());
        }
    }

    /** A submission saved before, and the hash of the request that saved it. */
    public record Earlier<O>(String requestHash, O outcome) {
    }

    /**
     * What the pipeline settled before saving: the robot check, the key and request hashes, the access
     * code; and the client it came from ({@link org.asbportal.security.ClientAddress}), for the limits.
     */
    public record Receipt(CaptchaResult robotCheck, String keyHash, String requestHash, String accessCode,
            String accessCodeHash, String client) {
    }

    private final AccessCodes accessCodes;
    private final CaptchaVerifier captcha;
    private final ClientLimits limits;
    private final SerialisationRetry retry;

    public Submissions(AccessCodes accessCodes, CaptchaVerifier captcha, ClientLimits limits, SerialisationRetry retry) {
        this.accessCodes = accessCodes;
        this.captcha = captcha;
        this.limits = limits;
        this.retry = retry;
    }

    /**
     * Saves {@code request}, or returns what was saved with the same {@code idempotencyKey} (may be null).
     *
     * @throws InvalidSubmissionException when a field needs changing or the robot check failed
     * @throws IdempotencyConflictException when the key was used before for a different request
     * @throws TooManyAttemptsException when the client has sent as many of this kind as it may for a while
     *     (a replay of what was saved with the same key is not counted, nor is a request with problems)
     */
    public <R, O> O submit(Kind<R, O> kind, R request, String idempotencyKey, String remoteIp) {
        String keyHash = idempotencyKey == null ? null : AccessCodes.sha256(idempotencyKey);
        String requestHash = kind.fingerprint().apply(request);
        if (keyHash != null) {
            Optional<O> earlier = replay(kind, keyHash, requestHash, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        List<FieldError> errors = kind.validate().apply(request);
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        limits.take(kind.limit(), remoteIp);
        CaptchaResult robotCheck = kind.captchaToken() == null ? CaptchaResult.notRequired()
                : captcha.verify(kind.captchaToken().apply(request), kind.robotCheckAction(), remoteIp);
        if (!robotCheck.accepted()) {
            throw new InvalidSubmissionException("captchaToken", kind.robotCheckRefused());
        }
        String accessCode = idempotencyKey == null ? accessCodes.newAccessCode() : accessCodeFor(kind, idempotencyKey);
        Receipt receipt = new Receipt(robotCheck, keyHash, requestHash, accessCode, accessCodes.hash(accessCode), remoteIp);
        O saved;
        try {
            saved = retry.inNewTransaction(() -> kind.save().apply(request, receipt));
        } catch (PersistenceException e) {
            // A concurrent double submit with the same key: the other request saved it first.
            if (keyHash != null) {
                Optional<O> earlier = replay(kind, keyHash, requestHash, idempotencyKey);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw e;
        }
        // Committed: from here on the submission is acknowledged whatever happens to the follow-up.
        return kind.afterCommit().apply(saved);
    }

    /** What was saved with {@code idempotencyKey}, whatever its request, with its access code. */
    public <R, O> Optional<O> saved(Kind<R, O> kind, String idempotencyKey) {
        String accessCode = accessCodeFor(kind, idempotencyKey);
        return QuarkusTransaction.requiringNew().call(() -> kind.earlier().apply(AccessCodes.sha256(idempotencyKey), accessCode))
                .map(Earlier::outcome);
    }

    private <R, O> Optional<O> replay(Kind<R, O> kind, String keyHash, String requestHash, String idempotencyKey) {
        String accessCode = accessCodeFor(kind, idempotencyKey);
        return QuarkusTransaction.requiringNew().call(() -> kind.earlier().apply(keyHash, accessCode).map(earlier -> {
            if (!requestHash.equals(earlier.requestHash())) {
                throw new IdempotencyConflictException();
            }
            return earlier.outcome();
        }));
    }

    private String accessCodeFor(Kind<?, ?> kind, String idempotencyKey) {
        return accessCodes.accessCodeFor(kind.accessCodeScope() + idempotencyKey);
    }
}
