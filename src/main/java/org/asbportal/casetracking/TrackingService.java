package org.asbportal.casetracking;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import java.util.function.Function;

import org.asbportal.security.AccessCodes;
import org.asbportal.security.AttemptLimiter;
import org.asbportal.security.ClientLimits;

/**
 * Every look-up with a reference and an access code goes through here, on the pages and over the
 * APIs: wrong codes are counted per client and per reference, and past the limits every check is
 * refused for a while, right or wrong.
 */
@ApplicationScoped
public class TrackingService {

    private final Instance<CaseTracker> trackers;
    private final AttemptLimiter limiter;
    private final ClientLimits limits;

    public TrackingService(Instance<CaseTracker> trackers, AttemptLimiter limiter, ClientLimits limits) {
        this.trackers = trackers;
        this.limiter = limiter;
        this.limits = limits;
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
     * the reference has used up its wrong attempts (or the client its look-ups), and counting a look-up
     * that finds nothing as one. A reference without the shape of one the portal gives
     * ({@link AccessCodes#validReference}) is never looked up: it finds nothing and is counted against
     * the client.
     *
     * @throws org.asbportal.security.TooManyAttemptsException past the limits
     */
    public <T> Optional<T> withAccessCode(String reference, String client, Function<String, Optional<T>> lookUp) {
        String clientBucket = "track-client:" + (client == null ? "unknown" : client);
        Optional<String> valid = AccessCodes.validReference(reference);
        if (valid.isEmpty()) {
            // Not a reference the portal gives: nothing is looked up, and it is a wrong attempt like any other.
            limiter.check(clientBucket, null);
            limits.take(ClientLimits.Limit.TRACK_LOOKUPS, client);
            limiter.failed(clientBucket);
            return Optional.empty();
        }
        String normalised = valid.get();
        String referenceBucket = "track-reference:" + normalised;
        limiter.check(clientBucket, referenceBucket);
        limits.take(ClientLimits.Limit.TRACK_LOOKUPS, client);
        Optional<T> found = lookUp.apply(normalised);
        if (found.isEmpty()) {
            limiter.failed(clientBucket, referenceBucket);
        }
        return found;
    }
}
