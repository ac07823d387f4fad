package org.asbportal.web.journey;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.asbportal.security.AccessCodes;
import org.asbportal.web.Calendar;
import org.asbportal.web.JobLease;

/** Keeps journey drafts in {@code journey_draft}, each found by the hash of its cookie token. */
@Named("journeyDrafts")
@ApplicationScoped
public class JourneyDrafts {

    /** Longer tokens than this are not ours: they find nothing. */
    private static final int MAX_TOKEN_LENGTH = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A draft as read: its answers (JSON), the pages done, its idempotency key, whether it was sent, its id. */
    public record Stored(String answers, Set<String> pagesDone, String submissionKey, boolean submitted, long id) {
    }

    private final JourneyConfig config;
    private final Calendar calendar;
    private final JobLease lease;
    private final Event<ResumeLinkRequested> resumeLinks;

    public JourneyDrafts(JourneyConfig config, Calendar calendar, JobLease lease, Event<ResumeLinkRequested> resumeLinks) {
        this.config = config;
        this.calendar = calendar;
        this.lease = lease;
        this.resumeLinks = resumeLinks;
    }

    /** How long a draft is kept after its last saved page, in words: "24 hours". */
    public String keptFor() {
        long minutes = config.draftValidFor().toMinutes();
        if (minutes % 60 == 0) {
            long hours = minutes / 60;
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    /** How long a "come back later" link works, in words: "7 days". */
    public String resumeLinksWorkFor() {
        long hours = config.resumeFor().toHours();
        if (hours >= 24 && hours % 24 == 0) {
            long days = hours / 24;
            return days + (days == 1 ? " day" : " days");
        }
        return hours + (hours == 1 ? " hour" : " hours");
    }

    /** The live draft of {@code journey} behind {@code token}; empty when there is none or it expired. */
    @Transactional
    public Optional<Stored> load(String journey, String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return JourneyDraft.find(AccessCodes.sha256(token), journey)
                .filter(draft -> draft.expiresAt.isAfter(calendar.now()))
                .map(draft -> new Stored(draft.answers, pages(draft.pagesDone), draft.submissionKey, draft.submittedAt != null,
                        draft.id));
    }

    /** Saves a new draft; returns the token for its cookie. */
    @Transactional
    public String create(String journey, String answers, Set<String> pagesDone) {
        String token = newToken();
        Instant now = calendar.now();
        JourneyDraft draft = new JourneyDraft();
        draft.tokenHash = AccessCodes.sha256(token);
        draft.journey = journey;
        draft.answers = answers;
        draft.pagesDone = String.join(",", pagesDone);
        draft.submissionKey = UUID.randomUUID().toString();
        draft.createdAt = now;
        draft.updatedAt = now;
        draft.expiresAt = now.plus(config.draftValidFor());
        draft.persist();
        return token;
    }

    /** Saves the answers of a draft and keeps it for another {@link JourneyConfig#draftValidFor()}. */
    @Transactional
    public void update(String journey, String token, String answers, Set<String> pagesDone) {
        live(journey, token).ifPresent(draft -> {
            draft.answers = answers;
            draft.pagesDone = String.join(",", pagesDone);
            touch(draft);
        });
    }

    /** Marks a draft sent: its pages now lead to its confirmation, and a link emailed to come back to it stops working. */
    @Transactional
    public void markSubmitted(String journey, String token) {
        live(journey, token).ifPresent(draft -> {
            draft.submittedAt = calendar.now();
            draft.resumeTokenHash = null;
            draft.resumeExpiresAt = null;
            touch(draft);
        });
    }

    /**
     * Gives the unsent draft behind {@code token} a new "come back later" link, working for
     * {@link JourneyConfig#resumeFor()} (an earlier link stops working), keeps the draft at least as
     * long, and has the link emailed to {@code email} in the same transaction. Returns when the link
     * expires; empty when there is no unsent draft to come back to.
     */
    @Transactional
    public Optional<Instant> sendResumeLink(Journey<?> journey, String token, String email) {
        return live(journey.name(), token).filter(draft -> draft.submittedAt == null).map(draft -> {
            String resumeToken = newToken();
            draft.resumeTokenHash = AccessCodes.sha256(resumeToken);
            draft.resumeExpiresAt = calendar.now().plus(config.resumeFor());
            touch(draft);
            resumeLinks.fire(new ResumeLinkRequested(journey.title(), email, journey.pageUrl(RESUME + "/" + resumeToken),
                    draft.resumeExpiresAt));
            return draft.resumeExpiresAt;
        });
    }

    /** When the link last emailed for the draft behind {@code token} expires, while it works. */
    @Transactional
    public Optional<Instant> resumeLinkExpiry(String journey, String token) {
        return live(journey, token).map(draft -> draft.resumeExpiresAt).filter(at -> at.isAfter(calendar.now()));
    }

    /**
     * Follows a "come back later" link: while it works and its draft is unsent, the draft gets a new
     * cookie token (the browser that had it before no longer finds it) and that token is returned;
     * empty for an unknown, expired or spent link. The link works again until it expires.
     */
    @Transactional
    public Optional<String> resume(String journey, String resumeToken) {
        if (resumeToken == null || resumeToken.isBlank() || resumeToken.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Instant now = calendar.now();
        return JourneyDraft.findByResumeToken(AccessCodes.sha256(resumeToken), journey)
                .filter(draft -> draft.submittedAt == null && draft.resumeExpiresAt != null && draft.resumeExpiresAt.isAfter(now)
                        && draft.expiresAt.isAfter(now))
                .map(draft -> {
                    String token = newToken();
                    draft.tokenHash = AccessCodes.sha256(token);
                    touch(draft);
                    return token;
                });
    }

    @Transactional
    public void delete(String journey, String token) {
        if (token != null && token.length() <= MAX_TOKEN_LENGTH) {
            JourneyDraft.delete("tokenHash = ?1 and journey = ?2", AccessCodes.sha256(token), journey);
        }
    }

    /** Where a journey's "come back later" links start: {@code /report/resume/{token}}. */
    public static final String RESUME = "resume";

    /** Deletes expired drafts every {@code asb.journey.purge-every}, on one replica at a time. */
    @Scheduled(every = "${asb.journey.purge-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        lease.runOnce("journey-drafts-purge", config.purgeEvery(), this::purge);
    }

    /** Deletes expired drafts (a draft with a working "come back later" link has not expired); returns how many. */
    @Transactional
    public long purge() {
        return JourneyDraft.delete("expiresAt <= ?1", calendar.now());
    }

    private Optional<JourneyDraft> live(String journey, String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return JourneyDraft.find(AccessCodes.sha256(token), journey).filter(draft -> draft.expiresAt.isAfter(calendar.now()));
    }

    /** Saved now: kept {@link JourneyConfig#draftValidFor()} from now, and never less long than its link works. */
    private void touch(JourneyDraft draft) {
        draft.updatedAt = calendar.now();
        Instant kept = draft.updatedAt.plus(config.draftValidFor());
        draft.expiresAt = draft.resumeExpiresAt != null && draft.resumeExpiresAt.isAfter(kept) ? draft.resumeExpiresAt : kept;
    }

    private static Set<String> pages(String pagesDone) {
        Set<String> pages = new LinkedHashSet<>();
        if (pagesDone != null) {
            for (String page : pagesDone.split(",")) {
                if (!page.isBlank()) {
                    pages.add(page);
                }
            }
        }
        return pages;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
