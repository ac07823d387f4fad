package org.asbportal.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The per-client limits on what residents send: each use is counted in {@link AttemptLimiter}'s
 * table by one atomic statement, so a burst of concurrent requests cannot pass the limit.
 */
@ApplicationScoped
public class ClientLimits {

    /** What is limited, with the words a resident is told when they reach it. */
    public enum Limit {
        REPORTS("submit-report:", "You have sent a lot of reports from this connection in a short time"),
        APPLICATIONS("submit-application:", "You have sent a lot of case review applications from this connection in a short time"),
        PLEDGE_EMAILS("pledge-email:", "We have sent a lot of sign-in emails for this connection in a short time"),
        TRACK_LOOKUPS("track-lookup:", "You have looked up a lot of cases from this connection in a short time"),
        RESUME_LINKS("resume-link:", "We have sent a lot of links to come back to saved answers for this connection in a short time"),
        CODE_LINKS("code-link:", "We have had a lot of requests to replace access codes from this connection in a short time"),
        OPEN311_REQUESTS("open311-key:", "This API key has sent a lot of service requests in a short time");

        private final String bucketPrefix;
        private final String reached;

        Limit(String bucketPrefix, String reached) {
            this.bucketPrefix = bucketPrefix;
            this.reached = reached;
        }
    }

    private final AttemptLimiter limiter;
    private final SubmissionLimitConfig config;

    public ClientLimits(AttemptLimiter limiter, SubmissionLimitConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    /**
     * Counts one use of {@code limit} by {@code client}.
     *
     * @throws TooManyAttemptsException when the client has used up the limit; nothing should be done then
     */
    public void take(Limit limit, String client) {
        int max = switch (limit) {
            case REPORTS -> config.reportsMax();
            case APPLICATIONS -> config.applicationsMax();
            case PLEDGE_EMAILS -> config.pledgeEmailsMax();
            case TRACK_LOOKUPS -> config.trackLookupsMax();
            case RESUME_LINKS -> config.resumeLinksMax();
            case CODE_LINKS -> config.codeLinksMax();
            case OPEN311_REQUESTS -> config.open311RequestsMax();
        };
        Duration window = switch (limit) {
            case REPORTS -> config.reportsWindow();
            case APPLICATIONS -> config.applicationsWindow();
            case PLEDGE_EMAILS -> config.pledgeEmailsWindow();
            case TRACK_LOOKUPS -> config.trackLookupsWindow();
            case RESUME_LINKS -> config.resumeLinksWindow();
            case CODE_LINKS -> config.codeLinksWindow();
            case OPEN311_REQUESTS -> config.open311RequestsWindow();
        };
        limiter.take(limit.bucketPrefix + (client == null ? "unknown" : client), max, window).ifPresent(wait -> {
            throw new TooManyAttemptsException(limit.reached, wait);
        });
    }

    /** "1 minute", "12 minutes": how long a resident waits, rounded up. */
    public static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
