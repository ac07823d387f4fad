package org.asbportal.trigger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.asbportal.trigger.TriggerComplaint.Confirmation;
import org.asbportal.trigger.TriggerEscalation.About;
import org.asbportal.trigger.TriggerEscalation.Decision;

/** What the coordinator's pages and the review JSON API show of applications and their reviews. */
public final class ReviewViews {

    private ReviewViews() {
    }

    /** One application in the coordinator's queue: the step it is at and when that is due. */
    public record QueueRow(String reference, LocalDate receivedOn, TriggerStatus status, String statusLabel,
            TriggerStep currentStep, String currentStepLabel, LocalDate dueBy, boolean overdue) {
    }

    /** A page of the queue, 25 at a time, with its filters. */
    public record QueuePage(List<QueueRow> rows, int page, boolean hasNext, String status, boolean overdue) {

        public int previousPage() {
            return page - 1;
        }

        public int nextPage() {
            return page + 1;
        }

        /** The filters as a query string, for the pagination links. */
        public String query() {
            return "status=" + (status == null ? "" : status) + (overdue ? "&overdue=true" : "");
        }
    }

    /** An application under review, everything the coordinator sees of it. */
    public record Review(String reference, TriggerStatus status, String statusLabel, String statusExplanation, int version,
            LocalDate receivedOn, Instant submittedAt, Applicant applicant, String description, String impact,
            String outcomeWanted, boolean hateMotivated, int threshold, int firstAssessmentComplaints,
            int qualifyingNow, boolean thresholdMetNow, List<ComplaintView> complaints, List<StepView> steps,
            DecisionView decision, AgencyView agencies, MeetingView meeting, List<RecommendationView> recommendations,
            OutcomeView outcome, EscalationView escalation, List<HistoryEntry> history) {

        /** Whether a step is done, for the page's forms. */
        public boolean done(String step) {
            return steps.stream().anyMatch(s -> s.step().name().equals(step) && s.completedAt() != null);
        }
    }

    public record Applicant(String name, String email, String phone, ApplicantType type, String onBehalfOfName,
            String onBehalfOfRelationship) {
    }

    public record ComplaintView(long id, int position, ComplaintSource source, String reference, boolean reportFound,
            String agency, LocalDate reportedOn, LocalDate behaviourOn, boolean qualifies, String reason, boolean toConfirm,
            Integer sameIncidentAs, Confirmation confirmation, String confirmedBy, Instant confirmedAt, boolean countsNow) {
    }

    public record StepView(TriggerStep step, String label, LocalDate dueBy, Instant completedAt, String completedBy,
            boolean notNeeded, boolean overdue) {
    }

    public record DecisionView(LocalDate decidedOn, boolean thresholdMet, int qualifyingComplaints, int threshold,
            boolean discretionary, Boolean victimVulnerable, String reasons, String decidedBy, boolean proceeding) {
    }

    public record AgencyView(List<Agencies> asked, List<String> askedLabels, String other, String summary) {
    }

    public record MeetingView(LocalDate heldOn, String chair, boolean chairIndependent, List<Agencies> attending,
            List<String> attendingLabels, boolean victimAttended, String impactStatement, String findings) {
    }

    public record RecommendationView(long id, String text, String ownerAgency, LocalDate dueOn,
            TriggerRecommendation.Status status, boolean overdue, int version, List<ProgressView> progress) {

        /** The id of its progress note's input on the application page. */
        public String noteId() {
            return "progress-" + id + "-note";
        }
    }

    public record ProgressView(Instant at, String actor, String note) {
    }

    public record OutcomeView(String summary, LocalDate on, boolean letterEmailed) {
    }

    public record EscalationView(About about, String aboutLabel, String reason, Instant requestedAt, String requestedBy,
            Decision decision, String decisionLabel, String decisionReasons, String decidedBy, Instant decidedAt) {
    }

    public record HistoryEntry(Instant at, String kind, boolean isPublic, String actor, String message) {
    }

    /** The outcome letter: to the applicant, about the review, with what the partnership will do. */
    public record OutcomeLetter(String reference, String applicantName, String onBehalfOfName, LocalDate date,
            LocalDate receivedOn, LocalDate meetingOn, String chair, boolean chairIndependent,
            List<String> agencies, List<LetterRecommendation> recommendations, String summary, String partnershipName,
            String trackUrl) {
    }

    public record LetterRecommendation(String text, String ownerAgency, LocalDate dueOn) {
    }

    /** One year of published figures, counted from the data. */
    public record YearFigures(int startYear, String label, LocalDate from, LocalDate to, long applicationsReceived,
            long thresholdNotMet, long reviewsCarriedOut, long reviewsWithRecommendations) {
    }
}
