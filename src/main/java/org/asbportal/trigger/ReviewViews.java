package org.asbportal.trigger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.asbportal.trigger.TriggerComplaint.Confirmation;
import org.asbportal.trigger.TriggerEscalation.About;
import org.asbportal.trigger.TriggerEscalation.Decision;

/**
 * What the coordinator's pages and the review JSON API show of applications and their reviews, and
 * what may be done next: each page asks the view, the view decides (and is tested) here.
 */
public final class ReviewViews {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

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

        /** Whether the page is filtered to this status, for the filter's selected option. */
        public boolean filtersOn(TriggerStatus wanted) {
            return wanted.name().equals(status);
        }
    }

    /**
     * An application under review, everything the coordinator sees of it, and which of the review's
     * forms the page offers now. The service checks each change again when it is made.
     */
    public record Review(String reference, TriggerStatus status, String statusLabel, String statusExplanation, int version,
            LocalDate receivedOn, Instant submittedAt, Applicant applicant, String description, String impact,
            String outcomeWanted, boolean hateMotivated, int threshold, int firstAssessmentComplaints,
            int qualifyingNow, boolean thresholdMetNow, List<ComplaintView> complaints, List<StepView> steps,
            DecisionView decision, AgencyView agencies, MeetingView meeting, List<RecommendationView> recommendations,
            OutcomeView outcome, EscalationView escalation, List<HistoryEntry> history, Spoc spoc, PccReviewView pccReview) {

        /** The step to be done next: the open step due soonest, the earlier in the review first; none when all are done. */
        public StepView nextStep() {
            return ReviewViews.nextStep(steps);
        }

        /** Whether the application still waits to be acknowledged. */
        public boolean mayAcknowledge() {
            return steps.stream().anyMatch(s -> s.step() == TriggerStep.ACKNOWLEDGE && s.open());
        }

        /** Whether complaints to other agencies may still be confirmed with them: until the threshold is decided. */
        public boolean mayConfirmComplaints() {
            return decision == null;
        }

        /** Whether the threshold may be decided: once acknowledged, and only once. */
        public boolean mayDecide() {
            return decision == null && steps.stream().anyMatch(s -> s.step() == TriggerStep.ACKNOWLEDGE && s.completedAt() != null);
        }

        /** Whether there is a review, the threshold having been met or passed at discretion. */
        public boolean proceeding() {
            return decision != null && decision.proceeding();
        }

        public boolean mayRecordAgencyInformation() {
            return proceeding() && agencies == null;
        }

        public boolean mayRecordMeeting() {
            return proceeding() && meeting == null;
        }

        /** Whether recommendations may be added: during a review, until the outcome is sent. */
        public boolean mayAddRecommendation() {
            return proceeding() && outcome == null;
        }

        /** Whether the outcome may be sent: after the review meeting, once. */
        public boolean mayRecordOutcome() {
            return proceeding() && meeting != null && outcome == null;
        }

        /** Whether the coordinator may record, for the applicant, that they want it looked at again. */
        public boolean mayEscalate() {
            return escalation == null && status.mayEscalate();
        }

        /** Whether there is a request to look at it again still to decide. */
        public boolean mayDecideEscalation() {
            return escalation != null && escalation.decision() == null;
        }

        /** Whether the applicant's request for the Commissioner's review is still to be referred. */
        public boolean mayReferToPcc() {
            return pccReview != null && pccReview.referredOn() == null;
        }

        /** Whether the Commissioner's decision is still to be recorded, once referred. */
        public boolean mayRecordPccDecision() {
            return pccReview != null && pccReview.referredOn() != null && pccReview.decision() == null;
        }
    }

    /** The applicant's single point of contact, as the coordinator named them. */
    public record Spoc(String name, String organisation, String phone, String email) {

        static Spoc of(TriggerApplication application) {
            return application.spocName == null ? null
                    : new Spoc(application.spocName, application.spocOrganisation, application.spocPhone, application.spocEmail);
        }
    }

    /** The Police and Crime Commissioner's review of a "threshold not met" decision, step by step. */
    public record PccReviewView(String reason, Instant requestedAt, LocalDate referredOn, String referredBy,
            TriggerPccReview.Decision decision, String decisionLabel, String decisionReasons, LocalDate decidedOn,
            String decidedBy) {

        static PccReviewView of(TriggerPccReview review) {
            return new PccReviewView(review.reason, review.requestedAt, review.referredOn, review.referredBy, review.decision,
                    review.decision == null ? null : review.decision.label(), review.decisionReasons, review.decidedOn,
                    review.decidedBy);
        }

        public boolean overturned() {
            return decision == TriggerPccReview.Decision.OVERTURNED;
        }
    }

    public record Applicant(String name, String email, String phone, ApplicantType type, String onBehalfOfName,
            String onBehalfOfRelationship) {

        /** The kind of victim in words: "person", "business", "community group". */
        public String typeLabel() {
            return type.name().toLowerCase(Locale.UK).replace('_', ' ');
        }
    }

    public record ComplaintView(long id, int position, ComplaintSource source, String reference, boolean reportFound,
            String agency, LocalDate reportedOn, LocalDate behaviourOn, boolean qualifies, String reason, boolean toConfirm,
            Integer sameIncidentAs, Confirmation confirmation, String confirmedBy, Instant confirmedAt, boolean countsNow) {

        public boolean fromPortal() {
            return source == ComplaintSource.PORTAL;
        }

        /** Whether the agency said it was made; false when it said not or has not said yet. */
        public boolean confirmed() {
            return confirmation == Confirmation.CONFIRMED;
        }
    }

    public record StepView(TriggerStep step, String label, LocalDate dueBy, Instant completedAt, String completedBy,
            boolean notNeeded, boolean overdue) {

        /** Whether it is still to be done. */
        public boolean open() {
            return completedAt == null && !notNeeded;
        }
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

        public boolean done() {
            return status == TriggerRecommendation.Status.DONE;
        }

        /** Whether progress may still be noted: until it is done. */
        public boolean mayRecordProgress() {
            return status == TriggerRecommendation.Status.OPEN;
        }
    }

    public record ProgressView(Instant at, String actor, String note) {
    }

    public record OutcomeView(String summary, LocalDate on, boolean letterEmailed) {
    }

    public record EscalationView(About about, String aboutLabel, String reason, Instant requestedAt, String requestedBy,
            Decision decision, String decisionLabel, String decisionReasons, String decidedBy, Instant decidedAt) {

        /** Whether the applicant asked themselves, rather than the coordinator for them. */
        public boolean byApplicant() {
            return TriggerEscalation.APPLICANT.equals(requestedBy);
        }
    }

    public record HistoryEntry(Instant at, String kind, boolean isPublic, String actor, String message) {
    }

    /** The outcome letter: to the applicant, about the review, with what the partnership will do. */
    public record OutcomeLetter(String reference, String applicantName, String onBehalfOfName, LocalDate date,
            LocalDate receivedOn, LocalDate meetingOn, String chair, boolean chairIndependent,
            List<String> agencies, List<LetterRecommendation> recommendations, String summary, String partnershipName,
            String trackUrl, Spoc spoc) {
    }

    public record LetterRecommendation(String text, String ownerAgency, LocalDate dueOn) {
    }

    /** One year of published figures, counted from the data. */
    public record YearFigures(int startYear, String label, LocalDate from, LocalDate to, long applicationsReceived,
            long thresholdNotMet, long reviewsCarriedOut, long reviewsWithRecommendations, long pccReviewsRequested,
            long pccReviewsUpheld, long pccReviewsOverturned) {
    }

    // ---------------------------------------------------------------- the step that comes next

    /** The open step due soonest, the earlier in the review when two are due the same day; null when none is open. */
    static StepView nextStep(List<StepView> steps) {
        StepView next = null;
        for (StepView step : steps) {
            if (step.open() && (next == null || step.dueBy().isBefore(next.dueBy()))) {
                next = step;
            }
        }
        return next;
    }

    // ---------------------------------------------------------------- from the rows

    /** An application as the coordinator sees it on {@code today}. */
    static Review review(TriggerApplication application, LocalDate today) {
        List<TriggerComplaint> complaints = TriggerComplaint.of(application);
        int qualifying = (int) complaints.stream().filter(TriggerComplaint::countsNow).count();
        DecisionView decision = application.decidedOn == null ? null
                : new DecisionView(application.decidedOn, Boolean.TRUE.equals(application.decisionMet),
                        application.decisionComplaints == null ? 0 : application.decisionComplaints, application.threshold,
                        application.decisionDiscretionary, application.victimVulnerable, application.decisionReasons,
                        application.decidedBy, application.proceeding());
        List<Agencies> asked = Agencies.read(application.agenciesAsked);
        AgencyView agencies = application.agenciesSummary == null ? null
                : new AgencyView(asked, labels(asked, application.agenciesOther), application.agenciesOther,
                        application.agenciesSummary);
        List<Agencies> attending = Agencies.read(application.meetingAttending);
        MeetingView meeting = application.meetingOn == null ? null
                : new MeetingView(application.meetingOn, application.meetingChair, Boolean.TRUE.equals(application.chairIndependent),
                        attending, labels(attending, null), Boolean.TRUE.equals(application.victimAttended),
                        application.impactStatement, application.findings);
        OutcomeView outcome = application.outcomeOn == null ? null
                : new OutcomeView(application.outcomeSummary, application.outcomeOn, application.letterEmailed);
        return new Review(application.reference, application.status, application.status.label(),
                application.status.explanation(), application.version, application.receivedOn, application.submittedAt,
                new Applicant(application.applicantName, application.applicantEmail, application.applicantPhone,
                        application.applicantType, application.onBehalfOfName, application.onBehalfOfRelationship),
                application.description, application.impact, application.outcomeWanted, application.hateMotivated,
                application.threshold, application.qualifyingComplaints, qualifying, qualifying >= application.threshold,
                complaints.stream().map(ReviewViews::complaint).toList(),
                steps(TriggerApplicationStep.of(application), today),
                decision, agencies, meeting,
                TriggerRecommendation.of(application).stream().map(r -> recommendation(r, today)).toList(),
                outcome, TriggerEscalation.of(application).map(ReviewViews::escalation).orElse(null),
                TriggerEvent.history(application).stream()
                        .map(e -> new HistoryEntry(e.occurredAt, e.kind, e.isPublic, e.actor, e.message)).toList(),
                Spoc.of(application), TriggerPccReview.of(application).map(PccReviewView::of).orElse(null));
    }

    /** An application's row in the queue, with its steps in order. */
    static QueueRow queueRow(TriggerApplication application, List<TriggerApplicationStep> steps, LocalDate today) {
        List<StepView> views = steps(steps, today);
        StepView next = nextStep(views);
        return new QueueRow(application.reference, application.receivedOn, application.status, application.status.label(),
                next == null ? null : next.step(), next == null ? null : next.label(), next == null ? null : next.dueBy(),
                views.stream().anyMatch(StepView::overdue));
    }

    static List<StepView> steps(List<TriggerApplicationStep> steps, LocalDate today) {
        return steps.stream().map(s -> new StepView(s.step, s.step.label(), s.dueBy, s.completedAt, s.completedBy, s.notNeeded,
                s.overdueOn(today))).toList();
    }

    static RecommendationView recommendation(TriggerRecommendation recommendation, LocalDate today) {
        return new RecommendationView(recommendation.id, recommendation.text, recommendation.ownerAgency, recommendation.dueOn,
                recommendation.status, recommendation.status == TriggerRecommendation.Status.OPEN && recommendation.dueOn.isBefore(today),
                recommendation.version, TriggerRecommendationProgress.of(recommendation).stream()
                        .map(p -> new ProgressView(p.occurredAt, p.actor, p.note)).toList());
    }

    static ComplaintView complaint(TriggerComplaint c) {
        return new ComplaintView(c.id, c.position, c.source, c.reportReference, c.report != null, c.agency,
                c.reportedOn, c.behaviourOn, c.qualifies, c.reason, c.toConfirm, c.sameIncidentAs, c.confirmation, c.confirmedBy,
                c.confirmedAt, c.countsNow());
    }

    static EscalationView escalation(TriggerEscalation e) {
        return new EscalationView(e.about, e.about.label(), e.reason, e.requestedAt, e.requestedBy, e.decision,
                e.decision == null ? null : e.decision.label(), e.decisionReasons, e.decidedBy, e.decidedAt);
    }

    /** The bodies by name, the other one by the name given. */
    static List<String> labels(List<Agencies> agencies, String other) {
        return agencies.stream().map(a -> a == Agencies.OTHER && other != null ? other : a.label()).toList();
    }

    /** A date as the applicant reads it in a message: "Friday 20 November 2026". */
    static String longDate(LocalDate date) {
        return date.format(LONG_DATE);
    }
}
