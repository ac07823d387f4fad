package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.asbportal.report.RiskLevel;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.triage.TaskViews.ReviewStatus;
import org.asbportal.web.Calendar;
import org.asbportal.web.InvalidSubmissionException;

/**
 * Case reviews by risk: an open high-risk case is reviewed every {@code asb.triage.review.high-days}
 * days, a medium-risk one every {@code medium-days}, counted from its latest review or, before any,
 * from the day it came in. A review is a short internal note; it resets the clock, is written to the
 * case's internal history and audited.
 */
@ApplicationScoped
public class CaseReviewService {

    static final int MAX_NOTE = 2000;

    private final CaseService cases;
    private final CurrentStaff staff;
    private final AuditLog audit;
    private final Calendar calendar;
    private final TaskConfig config;

    public CaseReviewService(CaseService cases, CurrentStaff staff, AuditLog audit, Calendar calendar, TaskConfig config) {
        this.cases = cases;
        this.staff = staff;
        this.audit = audit;
        this.calendar = calendar;
        this.config = config;
    }

    /** Every how many days a case of this risk is reviewed while open; 0 when it has no cadence. */
    public int cadenceDays(RiskLevel risk) {
        if (risk == null) {
            return 0;
        }
        return switch (risk) {
            case HIGH -> config.review().highDays();
            case MEDIUM -> config.review().mediumDays();
            default -> 0;
        };
    }

    /**
     * The day the next review of a case is due, or null when none is: a closed case, or one whose risk
     * has no cadence. {@code since} is its latest review, or when it came in.
     */
    public LocalDate nextReviewDue(RiskLevel risk, boolean open, Instant since) {
        int days = cadenceDays(risk);
        if (!open || days == 0 || since == null) {
            return null;
        }
        return calendar.dayOf(since).plusDays(days);
    }

    /** Days past {@code dueOn} today: 0 when due today or later. */
    long daysOverdue(LocalDate dueOn, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(dueOn, today));
    }

    /** When the case is next reviewed, and its latest review. */
    ReviewStatus statusOf(QueueItem item) {
        Optional<CaseReview> latest = CaseReview.latestFor(item.report);
        Instant since = latest.map(r -> r.reviewedAt).orElse(item.createdAt);
        LocalDate due = nextReviewDue(item.riskLevel, item.status != QueueItemStatus.CLOSED, since);
        return new ReviewStatus(due, due == null ? 0 : ChronoUnit.DAYS.between(due, calendar.today()), cadenceDays(item.riskLevel),
                latest.map(r -> r.reviewedAt).orElse(null), latest.map(r -> r.reviewedBy).orElse(null));
    }

    /** Records a review of an open case, with its note. */
    @Transactional
    public ReviewStatus record(String reference, String note) {
        QueueItem item = cases.workableItem(reference, LockModeType.PESSIMISTIC_WRITE);
        if (item.status == QueueItemStatus.CLOSED) {
            throw new CaseConflictException("This case is closed: it is no longer reviewed.");
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new InvalidSubmissionException("note", "Write a short note of the review");
        }
        if (text.length() > MAX_NOTE) {
            throw new InvalidSubmissionException("note", String.format("Must be %,d characters or fewer", MAX_NOTE));
        }
        CaseReview review = new CaseReview();
        review.report = item.report;
        review.reviewedAt = calendar.now();
        review.reviewedBy = staff.username();
        review.note = text;
        review.persist();
        cases.event(item.report, "CASE_REVIEW", false, "Case reviewed: " + text);
        audit.record(staff.username(), "CASE_REVIEW", item.report.reference, null);
        CaseReview.flush();
        return statusOf(item);
    }
}
