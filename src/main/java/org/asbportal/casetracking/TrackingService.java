package org.asbportal.casetracking;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import java.util.function.Function;

import org.asbportal.security.AccessCodes;
import org.asbportal.security.AttemptLimiter;

/**
 * Every look-up with a reference and an access code goes through here, on the pages and over the
 * APIs: wrong codes are counted per client and per reference, and past the limits every check is
 * refused for a while, right or wrong.
 */
@ApplicationScoped
public class TrackingService {

    /** Longer than any feature's references (ASB-7KQ4-M9XP, CT-...), so never one. */
    static final int MAX_REFERENCE = 32;

    private final Instance<CaseTracker> trackers;
    private final AttemptLimiter limiter;

    public TrackingService(Instance<CaseTracker> trackers, AttemptLimiter limiter) {
        this.trackers = trackers;
        this.limiter = limiter;
    }

    /** The victim's page for the case, when reference and code match; empty otherwise (and the failure is counted). */
    public Optional<TemplateInstance> page(String reference, String accessCode, String client) {
        return withAccessCode(reference, client, normalised -> trackers.stream()
                .filter(tracker -> tracker.recognises(normalised))
                .findFirst()
                .flatMap(tracker -> tracker.page(normalised, accessCode)));
    }

    /**
     * Runs a feature's look-up of a case by the normalised reference, refusing it while the client or
     * the reference has used up its wrong attempts, and counting a look-up that finds nothing as one.
     *
     * @throws org.asbportal.security.TooManyAttemptsException past the limits
     */
    public <T> Optional<T> withAccessCode(String reference, String client, Function<String, Optional<T>> lookUp) {
        String normalised = AccessCodes.normaliseReference(reference);
        String clientBucket = "track-client:" + (client == null ? "unknown" : client);
        if (normalised.length() > MAX_REFERENCE) {
            // No case has a reference this long: a wrong attempt for the client, and nothing to look up.
            limiter.check(clientBucket);
            limiter.failed(clientBucket);
            return Optional.empty();
        }
        String referenceBucket = "track-reference:" + normalised;
        limiter.check(clientBucket, referenceBucket);
        Optional<T> found = lookUp.apply(normalised);
        if (found.isEmpty()) {
            limiter.failed(clientBucket, referenceBucket);
        }
        return found;
    }
}
