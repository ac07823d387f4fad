package org.asbportal.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What staff see of work due, case reviews and letters. */
public final class TaskViews {

    private TaskViews() {
    }

    /**
     * Something due on one of an officer's cases: an action or a review. {@code what} says what is due,
     * without the details of anyone involved; {@code daysOverdue} is 0 when due today.
     */
    public record DueItem(String reference, String what, LocalDate dueOn, long daysOverdue) {

        /** "Due today", "Overdue by 1 day", "Overdue by 3 days". */
        public String lateness() {
            if (daysOverdue <= 0) {
                return "Due today";
            }
            return "Overdue by " + daysOverdue + (daysOverdue == 1 ? " day" : " days");
        }

        public boolean overdue() {
            return daysOverdue > 0;
        }
    }

    /**
     * When a case is next reviewed: {@code dueOn} is null when it needs no review (standard risk, or
     * closed); {@code daysOverdue} is negative while the review is ahead; {@code cadenceDays} is how
     * often it is reviewed.
     */
    public record ReviewStatus(LocalDate dueOn, long daysOverdue, int cadenceDays, Instant lastReviewedAt,
            String lastReviewedBy) {

        /** Whether the case is reviewed on a cadence. */
        public boolean required() {
            return dueOn != null;
        }

        /** Whether the review date has passed. */
        public boolean overdue() {
            return dueOn != null && daysOverdue > 0;
        }

        /** Whether the review falls due today. */
        public boolean dueToday() {
            return dueOn != null && daysOverdue == 0;
        }
    }

    /** A letter template to choose from, at its latest version. */
    public record TemplateOption(String code, String name, int version) {
    }

    /** A letter sent on a case, as listed on the case page. */
    public record LetterLine(long id, String name, int templateVersion, String sentBy, Instant sentAt) {
    }

    /** What the case page's review and letters section shows, and what the officer may do there. */
    public record CaseWork(String reference, ReviewStatus review, List<LetterLine> letters, List<TemplateOption> templates,
            boolean mayRecordReview, boolean mayPrepareLetter) {
    }

    /** A letter filled from the case, ready for the officer to edit before saving it as sent. */
    public record FilledLetter(String reference, String templateCode, String templateName, int templateVersion, String text) {
    }

    /** A letter sent on a case, with its text exactly as saved. */
    public record LetterView(long id, String reference, String name, String templateCode, int templateVersion, String text,
            String sentBy, Instant sentAt) {
    }

    /** A letter template as the administration pages list it. */
    public record TemplateSummary(String code, String name, int version, String updatedBy, Instant updatedAt) {
    }

    /** One version of a letter template. */
    public record TemplateVersionView(String code, int version, String name, String body, String createdBy, Instant createdAt) {
    }

    /** A letter template being edited: its latest version and every version before. */
    public record TemplateEdit(String code, TemplateVersionView latest, List<TemplateVersionView> history) {

        /** The version saving the form makes. */
        public int nextVersion() {
            return latest.version() + 1;
        }
    }
}
