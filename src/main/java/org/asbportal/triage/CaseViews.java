package org.asbportal.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.asbportal.report.ReportStatus;
import org.asbportal.report.RiskLevel;

/** What staff see of queues and cases. */
public final class CaseViews {

    private CaseViews() {
    }

    public record QueueSummary(String code, String name, String description, long open, long unassigned, long overdue) {
    }

    /**
     * A row of a queue: {@code place} the location description and {@code summary} the description's
     * first words, each shortened to one line; {@code newSinceLastLook} when received after the
     * officer's look at the queue before this one. A case restricted away from the officer's agency is
     * a stub: {@code restricted}, with whom to ask ({@code askName} of {@code askOrganisation}) and
     * no kind, risk, ward, place or summary.
     */
    public record QueueItemView(String reference, String category, RiskLevel riskLevel, String wardCode,
            QueueItemStatus status, String assignee, Instant receivedAt, LocalDate firstContactDueBy, boolean overdue,
            boolean possibleDuplicate, String place, String summary, boolean newSinceLastLook, boolean restricted,
            String askName, String askOrganisation) {

        /**
         * Whether an officer who works the queue may claim it from the queue page: open, held by nobody,
         * and not a restricted case they only see the outline of.
         */
        public boolean claimable() {
            return assignee == null && status != QueueItemStatus.CLOSED && !restricted;
        }
    }

    /**
     * A restricted case as officers of agencies not allowed to see it get it: that it exists
     * ({@code restricted}, always true) and whom to ask. No description, place, people or history.
     */
    public record RestrictedCase(String reference, boolean restricted, String askName, String askOrganisation) {
    }

    /**
     * The safeguarding of a case as an officer allowed to see it gets it: whether it is restricted (with
     * the reason, who restricted it, when, and the agencies allowed), whether the officer may restrict
     * it, change the agencies or lift it ({@code mayManageRestriction}), and whether an officer flagged
     * an exploitation concern (which {@code mayFlagExploitation} lets the officer set or clear).
     */
    public record Safeguarding(boolean restricted, String reason, String restrictedBy, Instant restrictedAt,
            List<String> agencies, boolean mayManageRestriction, boolean exploitationConcern, boolean mayFlagExploitation) {
    }

    /** One page of a queue; {@code continued} when it is not the first. */
    public record QueuePage(QueueSummary queue, List<QueueItemView> items, String nextCursor, QueueFilter filter,
            boolean continued) {

        /** The first page with the same filters and order, or null on the first page. */
        public String firstLink() {
            return continued ? "/staff/queues/" + queue.code() + "?" + filter.query() : null;
        }

        /** The next page, or null on the last. */
        public String nextLink() {
            return nextCursor == null ? null : "/staff/queues/" + queue.code() + "?" + filter.query() + "&cursor=" + nextCursor;
        }
    }

    /**
     * A page of search results in my queues: {@code query} as typed (empty before a search);
     * {@code capped} when the words matched so many reports that only the newest were looked at.
     */
    public record SearchPage(String query, List<QueueItemView> items, int page, boolean more, boolean capped) {

        /** Whether a search was made (a query was given). */
        public boolean searched() {
            return !query.isEmpty();
        }

        /** The previous page of the results, or null on the first. */
        public String previousLink() {
            return page > 1 ? link(page - 1) : null;
        }

        /** The next page of the results, or null on the last. */
        public String nextLink() {
            return more ? link(page + 1) : null;
        }

        private String link(int number) {
            return "/staff/search?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8) + "&page=" + number;
        }
    }

    public record TimelineEntry(Instant at, String kind, boolean isPublic, String actor, String message) {
    }

    /** Another report to look at with this one: {@code reason} is a code, {@code label} says it in words. */
    public record LinkedReport(String reference, String reason, String label, Integer distanceMetres) {
    }

    /** An action on a case; {@code ownerUsername} is set when a member of staff owns it. */
    public record ActionView(long id, ActionType type, String typeLabel, String description, String owner,
            String ownerUsername, LocalDate dueOn, ActionStatus status, String statusLabel, String result,
            String recordedBy, Instant recordedAt, String completedBy, Instant completedAt, boolean overdue, int version,
            String appliesWhere, Instant appliesFrom, Instant appliesUntil) {

        /** Whether the action still waits for its result (which may then be recorded). */
        public boolean open() {
            return status == ActionStatus.OPEN;
        }
    }

    /** A perpetrator on a case, for staff who may see personal details; {@code otherCases} are references. */
    public record PerpetratorView(long id, String name, String aliases, LocalDate dateOfBirth, String ageBand,
            String ageBandLabel, String address, String description, String notes, String sex, String sexLabel,
            String ethnicity, String ethnicityLabel, String disability, String disabilityLabel, List<String> otherCases) {
    }

    /** A perpetrator found by name, and whether they are already linked to the case searched from. */
    public record PerpetratorMatch(long id, String name, String aliases, LocalDate dateOfBirth, String ageBand,
            boolean linkedHere) {
    }

    /** Repeat flags of a case, with the counts behind them (this case included) and the window they count in. */
    public record RepeatFlags(boolean repeatVictim, long victimReports, boolean repeatLocation, long locationReports,
            boolean repeatPerpetrator, long perpetratorCases, int windowDays) {
    }

    /**
     * The reporter's contact details, with how and when they said it is safe to contact them (null
     * when they did not say), which the case page shows first.
     */
    public record Contact(String name, String email, String phone, String preferredContact, String safeWays,
            String safeTimes) {

        /** Whether the reporter said anything about when or how it is safe to contact them. */
        public boolean saidWhenSafe() {
            return safeWays != null || safeTimes != null;
        }
    }

    /**
     * A case as the officer looking sees it: {@code heldByMe} when they hold it; {@code mayHandOn} when
     * it is open and held, and they hold it or are an admin, so may release or reassign it.
     */
    public record CaseView(String reference, ReportStatus status, QueueItemStatus itemStatus, String category,
            String description, String peopleInvolved, LocalDate occurredOn, String occurredTime, boolean stillHappening,
            String location, String town, String wardCode, RiskLevel riskLevel, List<String> riskReasons,
            boolean anonymous, String reporterRole, Contact contact, String queueCode, String queueName,
            String assignee, boolean heldByMe, LocalDate firstContactDueBy, boolean overdue, int version, Instant receivedAt,
            List<TimelineEntry> timeline, List<LinkedReport> links, List<ActionView> actions,
            List<PerpetratorView> perpetrators, RepeatFlags flags, String wardName, boolean consentToShare,
            String frequency, boolean youngPeopleInvolved, boolean mayHandOn, Safeguarding safeguarding) {

        /** Whether the case may still be worked: claimed, assigned, transferred, updated, acted on, closed. */
        public boolean open() {
            return itemStatus != QueueItemStatus.CLOSED;
        }

        /** Whether the officer looking may claim it: it is open and nobody holds it. */
        public boolean claimable() {
            return open() && assignee == null;
        }
    }
}
