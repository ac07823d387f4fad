package org.asbportal.trigger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.asbportal.web.DateInput;
import org.asbportal.notify.MailKind;
import org.asbportal.notify.Outbox;
import org.asbportal.security.AccessCodes;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.web.Calendar;
import org.asbportal.trigger.ReviewForms.AgencyForm;
import org.asbportal.trigger.ReviewForms.ConfirmForm;
import org.asbportal.trigger.ReviewForms.DecisionForm;
import org.asbportal.trigger.ReviewForms.EscalationDecisionForm;
import org.asbportal.trigger.ReviewForms.EscalationForm;
import org.asbportal.trigger.ReviewForms.MeetingForm;
import org.asbportal.trigger.ReviewForms.OutcomeForm;
import org.asbportal.trigger.ReviewForms.ProgressForm;
import org.asbportal.trigger.ReviewForms.RecommendationForm;
import org.asbportal.trigger.ReviewViews.AgencyView;
import org.asbportal.trigger.ReviewViews.Applicant;
import org.asbportal.trigger.ReviewViews.ComplaintView;
import org.asbportal.trigger.ReviewViews.DecisionView;
import org.asbportal.trigger.ReviewViews.EscalationView;
import org.asbportal.trigger.ReviewViews.HistoryEntry;
import org.asbportal.trigger.ReviewViews.LetterRecommendation;
import org.asbportal.trigger.ReviewViews.MeetingView;
import org.asbportal.trigger.ReviewViews.OutcomeLetter;
import org.asbportal.trigger.ReviewViews.OutcomeView;
import org.asbportal.trigger.ReviewViews.ProgressView;
import org.asbportal.trigger.ReviewViews.QueuePage;
import org.asbportal.trigger.ReviewViews.QueueRow;
import org.asbportal.trigger.ReviewViews.RecommendationView;
import org.asbportal.trigger.ReviewViews.Review;
import org.asbportal.trigger.ReviewViews.StepView;
import org.asbportal.trigger.TriggerComplaint.Confirmation;
import org.asbportal.trigger.TriggerEscalation.About;
import org.asbportal.trigger.TriggerEscalation.Decision;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.SiteConfig;

/**
 * The coordinator's review of Community Trigger applications, step by step to its deadlines:
 * acknowledge, confirm complaints with other agencies, decide the threshold (or proceed at
 * discretion for a vulnerable victim), gather the agencies' information, hold the review meeting,
 * record its recommendations and their progress, and send the outcome letter. Then the applicant's
 * escalation and its decision. Every read and change is audited; every change is checked against
 * the version the coordinator saw and written to the application's append-only history.
 */
@ApplicationScoped
public class TriggerReviewService {

    /** The outcome letter of a case review, rendered here ({@code trigger/outcomeMail.html} and {@code .txt}). */
    public static final MailKind OUTCOME_MAIL = new MailKind("TRIGGER_OUTCOME", "The outcome of your case review %s");

    static final int PAGE_SIZE = 25;
    static final int MAX_PAGE = 100_000;
    static final int MAX_TEXT = 4000;
    static final int MAX_NAME = 160;

    @CheckedTemplate(basePath = "trigger")
    static class Templates {
        /** The outcome letter emailed to the applicant: {@code outcomeMail.html} and {@code outcomeMail.txt}. */
        static native TemplateInstance outcomeMail(OutcomeLetter letter);
    }

    private final CurrentStaff staff;
    private final AuditLog audit;
    private final TriggerTimetable timetable;
    private final Calendar calendar;
    private final Outbox outbox;
    private final SiteConfig site;

    public TriggerReviewService(CurrentStaff staff, AuditLog audit, TriggerTimetable timetable, Calendar calendar,
            Outbox outbox, SiteConfig site) {
        this.staff = staff;
        this.audit = audit;
        this.timetable = timetable;
        this.calendar = calendar;
        this.outbox = outbox;
        this.site = site;
    }

    // ---------------------------------------------------------------- reading

    /**
     * A page of applications, the soonest due first (those with nothing left to do last), then the
     * newest; filtered by status and to those with a step past its due date.
     */
    @Transactional
    public QueuePage queue(String status, boolean overdue, int page) {
        TriggerStatus wanted = statusOf(status);
        // a page number no link gives is read as the nearest one that is
        int number = Math.min(Math.max(1, page), MAX_PAGE);
        LocalDate today = calendar.today();
        StringBuilder sql = new StringBuilder("""
                SELECT a.id FROM trigger_application a
                 WHERE 1 = 1""");
        if (wanted != null) {
            sql.append(" AND a.status = :status");
        }
        if (overdue) {
            sql.append(" AND EXISTS (SELECT 1 FROM trigger_step o WHERE o.application_id = a.id AND o.completed_at IS NULL"
                    + " AND o.not_needed = FALSE AND o.due_by < :today)");
        }
        sql.append(" ").append("""
                 ORDER BY (SELECT MIN(s.due_by) FROM trigger_step s WHERE s.application_id = a.id
                            AND s.completed_at IS NULL AND s.not_needed = FALSE) IS NULL,
                          (SELECT MIN(s.due_by) FROM trigger_step s WHERE s.application_id = a.id
                            AND s.completed_at IS NULL AND s.not_needed = FALSE),
                          a.submitted_at DESC, a.id DESC
                 LIMIT :limit OFFSET :offset""");
        var query = TriggerApplication.getEntityManager().createNativeQuery(sql.toString(), Long.class)
                .setParameter("limit", PAGE_SIZE + 1)
                .setParameter("offset", (number - 1) * PAGE_SIZE);
        if (wanted != null) {
            query.setParameter("status", wanted.name());
        }
        if (overdue) {
            query.setParameter("today", today);
        }
        List<Long> ids = new ArrayList<>();
        for (Object id : query.getResultList()) {
            ids.add(((Number) id).longValue());
        }
        boolean more = ids.size() > PAGE_SIZE;
        List<Long> shown = more ? ids.subList(0, PAGE_SIZE) : ids;
        Map<Long, TriggerApplication> applications = shown.isEmpty() ? Map.of()
                : TriggerApplication.<TriggerApplication>list("id in ?1", shown).stream()
                        .collect(Collectors.toMap(a -> a.id, Function.identity()));
        Map<Long, List<TriggerApplicationStep>> steps = shown.isEmpty() ? Map.of()
                : TriggerApplicationStep.<TriggerApplicationStep>list("application.id in ?1 order by position", shown).stream()
                        .collect(Collectors.groupingBy(s -> s.application.id));
        List<QueueRow> rows = shown.stream().map(id -> row(applications.get(id), steps.getOrDefault(id, List.of()), today))
                .toList();
        audit.record(staff.username(), "READ_TRIGGER_QUEUE", null, wanted == null ? null : wanted.name());
        return new QueuePage(rows, number, more, wanted == null ? null : wanted.name(), overdue);
    }

    /** An application with its review and full history. Audited. */
    @Transactional
    public Review view(String reference) {
        TriggerApplication application = find(reference, LockModeType.NONE);
        audit.record(staff.username(), "READ_TRIGGER", application.reference, null);
        return review(application);
    }

    /** The outcome letter, once the outcome is recorded. Audited. */
    @Transactional
    public OutcomeLetter letter(String reference) {
        TriggerApplication application = find(reference, LockModeType.NONE);
        if (application.outcomeOn == null) {
            throw new TriggerNotFoundException("No outcome letter yet: record the outcome first");
        }
        audit.record(staff.username(), "READ_TRIGGER_LETTER", application.reference, null);
        return letterOf(application);
    }

    // ---------------------------------------------------------------- the steps

    @Transactional
    public Review acknowledge(String reference, Integer version) {
        TriggerApplication application = current(reference, version);
        TriggerApplicationStep step = openStep(application, TriggerStep.ACKNOWLEDGE, "The application is already acknowledged.");
        complete(step);
        application.status = TriggerStatus.ACKNOWLEDGED;
        event(application, "ACKNOWLEDGED", true, "We have acknowledged your application. We will decide whether the "
                + "threshold for a case review is met by " + longDate(dueOf(application, TriggerStep.THRESHOLD_DECISION)) + ".");
        audit.record(staff.username(), "TRIGGER_ACKNOWLEDGE", application.reference, null);
        return saved(application);
    }

    /** Records what another agency said about a complaint the applicant made to it: made, or not. */
    @Transactional
    public Review confirmComplaint(String reference, long complaintId, ConfirmForm form) {
        require(form);
        TriggerApplication application = current(reference, form.version());
        if (application.decidedOn != null) {
            throw new TriggerConflictException("The threshold has already been decided: complaints can no longer be confirmed.");
        }
        TriggerComplaint complaint = TriggerComplaint.<TriggerComplaint>find("id = ?1 and application = ?2", complaintId, application)
                .firstResultOptional()
                .orElseThrow(() -> new TriggerNotFoundException("No complaint with this number in the application"));
        if (!complaint.toConfirm) {
            throw new InvalidSubmissionException("confirmed", "Only complaints to other agencies are confirmed with them");
        }
        if (form.confirmed() == null) {
            throw new InvalidSubmissionException("confirmed", "Select whether the agency confirmed the complaint");
        }
        complaint.confirmation = form.confirmed() ? Confirmation.CONFIRMED : Confirmation.NOT_CONFIRMED;
        complaint.confirmedBy = staff.username();
        complaint.confirmedAt = calendar.now();
        event(application, "COMPLAINT_" + complaint.confirmation.name(), false, "Complaint " + complaint.position + " to "
                + complaint.agency + (form.confirmed() ? " confirmed by the agency." : " not confirmed by the agency: it no longer counts."));
        audit.record(staff.username(), "TRIGGER_CONFIRM_COMPLAINT", application.reference,
                complaint.position + " " + complaint.confirmation.name());
        return saved(application);
    }

    /**
     * Decides the threshold. Met or not is counted by the rules, without complaints an agency did
     * not confirm; below it the coordinator may still proceed when the victim is vulnerable, giving
     * reasons. Sets the due dates of the later steps from the day of the decision.
     */
    @Transactional
    public Review decide(String reference, DecisionForm form) {
        require(form);
        TriggerApplication application = current(reference, form.version());
        requireDone(application, TriggerStep.ACKNOWLEDGE, "Acknowledge the application before deciding the threshold.");
        TriggerApplicationStep step = openStep(application, TriggerStep.THRESHOLD_DECISION, "The threshold has already been decided.");
        List<FieldError> errors = new ArrayList<>();
        LocalDate decidedOn = pastDate(form.decidedOn(), "decidedOn", "the date of the decision", application.receivedOn,
                "the date the application was received", errors);
        int qualifying = qualifyingNow(application);
        boolean met = qualifying >= application.threshold;
        boolean discretionary = !met && Boolean.TRUE.equals(form.discretionary());
        String reasons = trimmed(form.reasons());
        if (!met && form.discretionary() == null) {
            errors.add(new FieldError("discretionary", "Select whether the review goes ahead although the threshold is not met"));
        }
        if (discretionary && !Boolean.TRUE.equals(form.victimVulnerable())) {
            errors.add(new FieldError("victimVulnerable", "A review can go ahead below the threshold only when the victim is "
                    + "vulnerable: select yes if they are"));
        }
        if (!met && reasons == null) {
            errors.add(new FieldError("reasons", discretionary ? "Give the reasons for going ahead although the threshold is not met"
                    : "Give the reasons the threshold is not met, for the applicant"));
        }
        text(reasons, "reasons", "The reasons", errors);
        check(errors);
        application.decidedOn = decidedOn;
        application.decisionMet = met;
        application.decisionComplaints = qualifying;
        application.decisionDiscretionary = discretionary;
        application.victimVulnerable = form.victimVulnerable();
        application.decisionReasons = reasons;
        application.decidedBy = staff.username();
        complete(step);
        List<TriggerApplicationStep> steps = TriggerApplicationStep.of(application);
        if (application.proceeding()) {
            Map<TriggerStep, LocalDate> due = timetable.afterDecision(decidedOn);
            for (TriggerApplicationStep later : steps) {
                if (due.containsKey(later.step)) {
                    later.dueBy = due.get(later.step);
                }
            }
            application.status = TriggerStatus.REVIEW_IN_PROGRESS;
            event(application, "THRESHOLD_DECIDED", false, met
                    ? "Threshold met: " + qualifying + " qualifying complaint(s) of " + application.threshold + " needed."
                            + (reasons == null ? "" : " " + reasons)
                    : "Threshold not met (" + qualifying + " of " + application.threshold + " qualifying complaints), going "
                            + "ahead at the coordinator's discretion because the victim is vulnerable: " + reasons);
            event(application, "REVIEW_STARTED", true, "A case review will take place. The agencies will share what they "
                    + "know by " + longDate(due.get(TriggerStep.AGENCY_INFORMATION)) + " and meet to review the case by "
                    + longDate(due.get(TriggerStep.REVIEW_MEETING)) + ".");
        } else {
            for (TriggerApplicationStep later : steps) {
                if (later.open()) {
                    later.notNeeded = true;
                }
            }
            application.status = TriggerStatus.THRESHOLD_NOT_MET;
            event(application, "THRESHOLD_DECIDED", false, "Threshold not met: " + qualifying + " qualifying complaint(s) of "
                    + application.threshold + " needed; no discretion used.");
            event(application, "THRESHOLD_NOT_MET", true, "We have decided that the threshold for a case review is not met. "
                    + reasons);
        }
        audit.record(staff.username(), "TRIGGER_DECISION", application.reference,
                met ? "MET" : discretionary ? "DISCRETIONARY" : "NOT_MET");
        return saved(application);
    }

    /** Records which bodies were asked for their information and what they have done. */
    @Transactional
    public Review agencyInformation(String reference, AgencyForm form) {
        require(form);
        TriggerApplication application = current(reference, form.version());
        requireProceeding(application);
        TriggerApplicationStep step = openStep(application, TriggerStep.AGENCY_INFORMATION,
                "The agencies' information is already recorded.");
        List<FieldError> errors = new ArrayList<>();
        List<Agencies> asked = agencies(form.asked(), "asked", "Select the bodies asked for their information", errors);
        String other = trimmed(form.other());
        if (asked.contains(Agencies.OTHER) && other == null) {
            errors.add(new FieldError("other", "Enter the name of the other body asked"));
        }
        if (other != null && other.length() > MAX_NAME) {
            errors.add(new FieldError("other", "The other body's name must be 160 characters or fewer"));
        }
        String summary = required(form.summary(), "summary", "Summarise what the agencies have done about the behaviour",
                "The summary", errors);
        check(errors);
        application.agenciesAsked = Agencies.store(asked);
        application.agenciesOther = asked.contains(Agencies.OTHER) ? other : null;
        application.agenciesSummary = summary;
        application.updatedAt = calendar.now();
        complete(step);
        event(application, "AGENCY_INFORMATION", false, "Information from " + labels(asked, application.agenciesOther)
                + ". Summary: " + summary);
        event(application, "AGENCY_INFORMATION", true, "The agencies have shared what they know of the case.");
        audit.record(staff.username(), "TRIGGER_AGENCIES", application.reference, application.agenciesAsked);
        return saved(application);
    }

    /** Records the review meeting; the outcome is then due a number of working days after it. */
    @Transactional
    public Review meeting(String reference, MeetingForm form) {
        require(form);
        TriggerApplication application = current(reference, form.version());
        requireProceeding(application);
        TriggerApplicationStep step = openStep(application, TriggerStep.REVIEW_MEETING, "The review meeting is already recorded.");
        List<FieldError> errors = new ArrayList<>();
        LocalDate heldOn = pastDate(form.heldOn(), "heldOn", "the date of the meeting", application.decidedOn,
                "the date of the threshold decision", errors);
        String chair = required(form.chair(), "chair", "Enter the name of the person who chaired the meeting",
                "The chair's name", errors);
        if (chair != null && chair.length() > MAX_NAME) {
            errors.add(new FieldError("chair", "The chair's name must be 160 characters or fewer"));
        }
        if (form.chairIndependent() == null) {
            errors.add(new FieldError("chairIndependent", "Select whether the chair was independent of the agencies reviewed"));
        }
        List<Agencies> attending = agencies(form.attending(), "attending", "Select the bodies at the meeting", errors);
        if (form.victimAttended() == null) {
            errors.add(new FieldError("victimAttended", "Select whether the victim attended the meeting"));
        }
        String statement = trimmed(form.impactStatement());
        if (Boolean.FALSE.equals(form.victimAttended()) && statement == null) {
            errors.add(new FieldError("impactStatement", "Enter the victim's impact statement read at the meeting, or what "
                    + "they were offered instead of attending"));
        }
        text(statement, "impactStatement", "The impact statement", errors);
        String findings = required(form.findings(), "findings", "Enter what the meeting found", "The findings", errors);
        check(errors);
        application.meetingOn = heldOn;
        application.meetingChair = chair;
        application.chairIndependent = form.chairIndependent();
        application.meetingAttending = Agencies.store(attending);
        application.victimAttended = form.victimAttended();
        application.impactStatement = statement;
        application.findings = findings;
        complete(step);
        TriggerApplicationStep outcome = step(application, TriggerStep.OUTCOME);
        outcome.dueBy = timetable.outcomeDue(heldOn);
        event(application, "REVIEW_MEETING", false, "Review meeting on " + longDate(heldOn) + ", chaired by " + chair
                + (form.chairIndependent() ? " (independent)" : " (not independent)") + "; attending: " + labels(attending, null)
                + (form.victimAttended() ? "; the victim attended" : "; impact statement: " + statement)
                + ". Findings: " + findings);
        event(application, "REVIEW_MEETING", true, "The review meeting took place on " + longDate(heldOn) + ". We will "
                + "send you the outcome by " + longDate(outcome.dueBy) + ".");
        audit.record(staff.username(), "TRIGGER_MEETING", application.reference, null);
        return saved(application);
    }

    /** Adds a recommendation of the review: what, which agency owns it, by when. */
    @Transactional
    public RecommendationView addRecommendation(String reference, RecommendationForm form) {
        require(form);
        TriggerApplication application = find(reference, LockModeType.PESSIMISTIC_WRITE);
        requireProceeding(application);
        List<FieldError> errors = new ArrayList<>();
        String text = required(form.text(), "text", "Enter the recommendation", "The recommendation", errors);
        if (text != null && text.length() > 2000) {
            errors.add(new FieldError("text", "The recommendation must be 2,000 characters or fewer"));
        }
        String owner = required(form.ownerAgency(), "ownerAgency", "Enter the agency that owns the recommendation",
                "The agency's name", errors);
        if (owner != null && owner.length() > MAX_NAME) {
            errors.add(new FieldError("ownerAgency", "The agency's name must be 160 characters or fewer"));
        }
        LocalDate dueOn = date(form.dueOn(), "dueOn", "the date it is due by", errors);
        if (dueOn != null && dueOn.isBefore(calendar.today())) {
            errors.add(new FieldError("dueOn", "The date it is due by must be today or in the future"));
        }
        check(errors);
        TriggerRecommendation recommendation = new TriggerRecommendation();
        recommendation.application = application;
        recommendation.text = text;
        recommendation.ownerAgency = owner;
        recommendation.dueOn = dueOn;
        recommendation.status = TriggerRecommendation.Status.OPEN;
        recommendation.createdAt = calendar.now();
        recommendation.createdBy = staff.username();
        recommendation.persist();
        application.updatedAt = calendar.now();
        event(application, "RECOMMENDATION", false, "Recommendation for " + owner + " by " + longDate(dueOn) + ": " + text);
        audit.record(staff.username(), "TRIGGER_RECOMMENDATION", application.reference, null);
        TriggerRecommendation.flush();
        return recommendationView(recommendation, calendar.today());
    }

    /** Adds a note of progress on a recommendation, and marks it done when it is. */
    @Transactional
    public RecommendationView progress(String reference, long recommendationId, ProgressForm form) {
        require(form);
        TriggerApplication application = find(reference, LockModeType.PESSIMISTIC_WRITE);
        TriggerRecommendation recommendation = TriggerRecommendation
                .<TriggerRecommendation>find("id = ?1 and application = ?2", recommendationId, application)
                .firstResultOptional()
                .orElseThrow(() -> new TriggerNotFoundException("No recommendation with this number in the application"));
        if (form.version() != null && form.version() != recommendation.version) {
            throw new TriggerConflictException("Someone else updated this recommendation while you were looking at it. "
                    + "Nothing you did was saved: look again and redo your change.");
        }
        if (recommendation.status == TriggerRecommendation.Status.DONE) {
            throw new TriggerConflictException("This recommendation is already done.");
        }
        // every note moves the version on, so two people noting progress at once see each other's
        TriggerRecommendation.getEntityManager().lock(recommendation, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        List<FieldError> errors = new ArrayList<>();
        String note = required(form.note(), "note", "Enter the progress made", "The progress note", errors);
        check(errors);
        TriggerRecommendationProgress progress = new TriggerRecommendationProgress();
        progress.recommendation = recommendation;
        progress.occurredAt = calendar.now();
        progress.actor = staff.username();
        progress.note = note;
        progress.persist();
        boolean done = Boolean.TRUE.equals(form.done());
        if (done) {
            recommendation.status = TriggerRecommendation.Status.DONE;
        }
        application.updatedAt = calendar.now();
        event(application, "RECOMMENDATION_PROGRESS", false, "Progress on the recommendation for "
                + recommendation.ownerAgency + (done ? " (now done)" : "") + ": " + note);
        audit.record(staff.username(), "TRIGGER_PROGRESS", application.reference, done ? "DONE" : null);
        TriggerRecommendation.flush();
        return recommendationView(recommendation, calendar.today());
    }

    /**
     * Records the outcome for the applicant: the review is complete and the outcome letter goes to
     * the applicant's email address, when they gave one, through the outbox.
     */
    @Transactional
    public Review outcome(String reference, OutcomeForm form) {
        require(form);
        TriggerApplication application = current(reference, form.version());
        requireProceeding(application);
        requireDone(application, TriggerStep.REVIEW_MEETING, "Record the review meeting before the outcome.");
        TriggerApplicationStep step = openStep(application, TriggerStep.OUTCOME, "The outcome has already been sent.");
        List<FieldError> errors = new ArrayList<>();
        String summary = required(form.summary(), "summary", "Write the outcome for the applicant", "The outcome", errors);
        check(errors);
        application.outcomeSummary = summary;
        application.outcomeOn = calendar.today();
        application.status = TriggerStatus.REVIEW_COMPLETE;
        complete(step);
        OutcomeLetter letter = letterOf(application);
        if (application.applicantEmail != null) {
            outbox.enqueueRendered(OUTCOME_MAIL, application.applicantEmail, application.reference,
                    render(letter, Variant.TEXT_PLAIN), render(letter, Variant.TEXT_HTML));
            application.letterEmailed = true;
        }
        event(application, "OUTCOME", true, "The case review is complete. Outcome: " + summary
                + (application.letterEmailed ? " We have emailed you the outcome letter." : " You can read the outcome letter here."));
        audit.record(staff.username(), "TRIGGER_OUTCOME", application.reference, application.letterEmailed ? "EMAILED" : null);
        return saved(application);
    }

    // ---------------------------------------------------------------- escalation

    /** A coordinator records, for the applicant, that they are unhappy with the decision or the outcome. */
    @Transactional
    public Review escalateFor(String reference, EscalationForm form) {
        TriggerApplication application = find(reference, LockModeType.PESSIMISTIC_WRITE);
        TriggerEscalation escalation = escalate(application, form, staff.username());
        audit.record(staff.username(), "TRIGGER_ESCALATION", application.reference, escalation.about.name());
        return saved(application);
    }

    /** The applicant asks, with their access code checked by the caller, for it to be looked at again. */
    @Transactional
    public void escalateByApplicant(String reference, EscalationForm form) {
        TriggerApplication application = TriggerApplication.<TriggerApplication>find("reference",
                        AccessCodes.normaliseReference(reference))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().orElseThrow(TriggerNotFoundException::new);
        escalate(application, form, TriggerEscalation.APPLICANT);
        TriggerApplication.flush();
    }

    /** Whether the applicant's request is upheld, with the reasons; the applicant sees both. */
    @Transactional
    public Review decideEscalation(String reference, EscalationDecisionForm form) {
        require(form);
        TriggerApplication application = find(reference, LockModeType.PESSIMISTIC_WRITE);
        TriggerEscalation escalation = TriggerEscalation.of(application)
                .orElseThrow(() -> new TriggerConflictException("The applicant has not asked for it to be looked at again."));
        if (escalation.decision != null) {
            throw new TriggerConflictException("The request to look at it again has already been decided.");
        }
        List<FieldError> errors = new ArrayList<>();
        Decision decision = null;
        try {
            decision = form.decision() == null ? null : Decision.valueOf(form.decision());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (decision == null) {
            errors.add(new FieldError("decision", "Select whether the request is upheld"));
        }
        String reasons = required(form.reasons(), "decisionReasons", "Give the reasons for the decision, for the applicant",
                "The reasons", errors);
        check(errors);
        escalation.decision = decision;
        escalation.decisionReasons = reasons;
        escalation.decidedBy = staff.username();
        escalation.decidedAt = calendar.now();
        application.status = decision == Decision.UPHELD ? TriggerStatus.ESCALATION_UPHELD : TriggerStatus.ESCALATION_NOT_UPHELD;
        event(application, "ESCALATION_DECIDED", true, "Your request to look at " + escalation.about.label() + " again was "
                + (decision == Decision.UPHELD ? "upheld" : "not upheld") + ". " + reasons);
        audit.record(staff.username(), "TRIGGER_ESCALATION_DECISION", application.reference, decision.name());
        return saved(application);
    }

    private TriggerEscalation escalate(TriggerApplication application, EscalationForm form, String by) {
        if (!application.status.mayEscalate()) {
            throw new TriggerConflictException(application.status == TriggerStatus.ESCALATED
                    || application.status == TriggerStatus.ESCALATION_UPHELD || application.status == TriggerStatus.ESCALATION_NOT_UPHELD
                    ? "The applicant has already asked for it to be looked at again."
                    : "It can be looked at again once the threshold decision or the outcome has been given.");
        }
        List<FieldError> errors = new ArrayList<>();
        String reason = required(form == null ? null : form.reason(), "reason",
                "Tell us why you are unhappy with the decision or the outcome", "Your reason", errors);
        check(errors);
        TriggerEscalation escalation = new TriggerEscalation();
        escalation.application = application;
        escalation.about = application.status == TriggerStatus.THRESHOLD_NOT_MET ? About.DECISION : About.OUTCOME;
        escalation.reason = reason;
        escalation.requestedAt = calendar.now();
        escalation.requestedBy = by;
        escalation.persist();
        application.status = TriggerStatus.ESCALATED;
        event(application, "ESCALATED", true, "You asked for " + escalation.about.label() + " to be looked at again"
                + (TriggerEscalation.APPLICANT.equals(by) ? "" : " (recorded for you by the coordinator)") + ". Your reason: "
                + reason, by);
        return escalation;
    }

    // ---------------------------------------------------------------- the applicant's copy

    /** The outcome letter as the applicant reads it, once sent; nothing is audited (no staff read). */
    static Optional<OutcomeLetter> applicantLetter(TriggerApplication application, SiteConfig site) {
        return application.outcomeOn == null ? Optional.empty() : Optional.of(letterOf(application, site));
    }

    // ---------------------------------------------------------------- helpers

    private OutcomeLetter letterOf(TriggerApplication application) {
        return letterOf(application, site);
    }

    private static OutcomeLetter letterOf(TriggerApplication application, SiteConfig site) {
        List<LetterRecommendation> recommendations = TriggerRecommendation.of(application).stream()
                .map(r -> new LetterRecommendation(r.text, r.ownerAgency, r.dueOn)).toList();
        return new OutcomeLetter(application.reference, application.applicantName, application.onBehalfOfName,
                application.outcomeOn, application.receivedOn, application.meetingOn, application.meetingChair,
                Boolean.TRUE.equals(application.chairIndependent),
                labelsList(Agencies.read(application.meetingAttending), null), recommendations, application.outcomeSummary,
                site.partnershipName(), site.baseUrl().replaceAll("/+$", "") + "/track");
    }

    private static String render(OutcomeLetter letter, String contentType) {
        return Templates.outcomeMail(letter)
                .setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(contentType)).render();
    }

    private QueueRow row(TriggerApplication application, List<TriggerApplicationStep> steps, LocalDate today) {
        Optional<TriggerApplicationStep> next = steps.stream().filter(TriggerApplicationStep::open)
                .min((a, b) -> a.dueBy.compareTo(b.dueBy) != 0 ? a.dueBy.compareTo(b.dueBy) : Integer.compare(a.position, b.position));
        boolean overdue = steps.stream().anyMatch(s -> s.overdueOn(today));
        return new QueueRow(application.reference, application.receivedOn, application.status, application.status.label(),
                next.map(s -> s.step).orElse(null), next.map(s -> s.step.label()).orElse(null),
                next.map(s -> s.dueBy).orElse(null), overdue);
    }

    private Review review(TriggerApplication application) {
        LocalDate today = calendar.today();
        List<TriggerComplaint> complaints = TriggerComplaint.of(application);
        int qualifying = (int) complaints.stream().filter(TriggerComplaint::countsNow).count();
        DecisionView decision = application.decidedOn == null ? null
                : new DecisionView(application.decidedOn, Boolean.TRUE.equals(application.decisionMet),
                        application.decisionComplaints == null ? 0 : application.decisionComplaints, application.threshold,
                        application.decisionDiscretionary, application.victimVulnerable, application.decisionReasons,
                        application.decidedBy, application.proceeding());
        List<Agencies> asked = Agencies.read(application.agenciesAsked);
        AgencyView agencies = application.agenciesSummary == null ? null
                : new AgencyView(asked, labelsList(asked, application.agenciesOther), application.agenciesOther,
                        application.agenciesSummary);
        List<Agencies> attending = Agencies.read(application.meetingAttending);
        MeetingView meeting = application.meetingOn == null ? null
                : new MeetingView(application.meetingOn, application.meetingChair, Boolean.TRUE.equals(application.chairIndependent),
                        attending, labelsList(attending, null), Boolean.TRUE.equals(application.victimAttended),
                        application.impactStatement, application.findings);
        OutcomeView outcome = application.outcomeOn == null ? null
                : new OutcomeView(application.outcomeSummary, application.outcomeOn, application.letterEmailed);
        return new Review(application.reference, application.status, application.status.label(),
                application.status.explanation(), application.version, application.receivedOn, application.submittedAt,
                new Applicant(application.applicantName, application.applicantEmail, application.applicantPhone,
                        application.applicantType, application.onBehalfOfName, application.onBehalfOfRelationship),
                application.description, application.impact, application.outcomeWanted, application.hateMotivated,
                application.threshold, application.qualifyingComplaints, qualifying, qualifying >= application.threshold,
                complaints.stream().map(ReviewViewsMapping::complaint).toList(),
                TriggerApplicationStep.of(application).stream().map(s -> stepView(s, today)).toList(),
                decision, agencies, meeting,
                TriggerRecommendation.of(application).stream().map(r -> recommendationView(r, today)).toList(),
                outcome, TriggerEscalation.of(application).map(ReviewViewsMapping::escalation).orElse(null),
                TriggerEvent.history(application).stream()
                        .map(e -> new HistoryEntry(e.occurredAt, e.kind, e.isPublic, e.actor, e.message)).toList());
    }

    private static StepView stepView(TriggerApplicationStep step, LocalDate today) {
        return new StepView(step.step, step.step.label(), step.dueBy, step.completedAt, step.completedBy, step.notNeeded,
                step.overdueOn(today));
    }

    private static RecommendationView recommendationView(TriggerRecommendation recommendation, LocalDate today) {
        return new RecommendationView(recommendation.id, recommendation.text, recommendation.ownerAgency, recommendation.dueOn,
                recommendation.status, recommendation.status == TriggerRecommendation.Status.OPEN && recommendation.dueOn.isBefore(today),
                recommendation.version, TriggerRecommendationProgress.of(recommendation).stream()
                        .map(p -> new ProgressView(p.occurredAt, p.actor, p.note)).toList());
    }

    private static int qualifyingNow(TriggerApplication application) {
        return (int) TriggerComplaint.of(application).stream().filter(TriggerComplaint::countsNow).count();
    }

    private TriggerApplication find(String reference, LockModeType lock) {
        return TriggerApplication.<TriggerApplication>find("reference", AccessCodes.normaliseReference(reference == null ? "" : reference))
                .withLock(lock).firstResultOptional().orElseThrow(TriggerNotFoundException::new);
    }

    /** The application as last saved, locked until the change commits, when the coordinator saw this version. */
    private TriggerApplication current(String reference, Integer version) {
        TriggerApplication application = find(reference, LockModeType.PESSIMISTIC_WRITE);
        if (version != null && version != application.version) {
            throw new TriggerConflictException("Someone else changed this application while you were looking at it. "
                    + "Nothing you did was saved: look at it again and redo your change.");
        }
        return application;
    }

    private Review saved(TriggerApplication application) {
        application.updatedAt = calendar.now();
        TriggerApplication.flush();
        return review(application);
    }

    private static TriggerApplicationStep step(TriggerApplication application, TriggerStep which) {
        return TriggerApplicationStep.<TriggerApplicationStep>find("application = ?1 and step = ?2", application, which)
                .firstResult();
    }

    private static LocalDate dueOf(TriggerApplication application, TriggerStep which) {
        return step(application, which).dueBy;
    }

    private static TriggerApplicationStep openStep(TriggerApplication application, TriggerStep which, String doneAlready) {
        TriggerApplicationStep step = step(application, which);
        if (step.completedAt != null) {
            throw new TriggerConflictException(doneAlready);
        }
        if (step.notNeeded) {
            throw new TriggerConflictException("This step is not needed: the threshold for a review was not met.");
        }
        return step;
    }

    private static void requireDone(TriggerApplication application, TriggerStep which, String message) {
        if (step(application, which).completedAt == null) {
            throw new TriggerConflictException(message);
        }
    }

    private static void requireProceeding(TriggerApplication application) {
        if (application.decidedOn == null) {
            throw new TriggerConflictException("Decide whether the threshold is met first.");
        }
        if (!application.proceeding()) {
            throw new TriggerConflictException("The threshold was not met: there is no review for this application.");
        }
    }

    private void complete(TriggerApplicationStep step) {
        step.completedAt = calendar.now();
        step.completedBy = staff.username();
    }

    private void event(TriggerApplication application, String kind, boolean isPublic, String message) {
        event(application, kind, isPublic, message, staff.username());
    }

    private static void event(TriggerApplication application, String kind, boolean isPublic, String message, String actor) {
        TriggerEvent.record(application, kind, isPublic, message.length() <= MAX_TEXT ? message : message.substring(0, MAX_TEXT - 1) + "…",
                actor);
    }

    private static String longDate(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK));
    }

    private static List<Agencies> agencies(List<String> codes, String field, String missing, List<FieldError> errors) {
        Set<Agencies> chosen = new LinkedHashSet<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            try {
                chosen.add(Agencies.valueOf(code == null ? "" : code.strip()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, "Select bodies from the list"));
                return List.of();
            }
        }
        if (chosen.isEmpty()) {
            errors.add(new FieldError(field, missing));
        }
        return Agencies.read(Agencies.store(List.copyOf(chosen)));
    }

    private static String labels(List<Agencies> agencies, String other) {
        return String.join(", ", labelsList(agencies, other));
    }

    private static List<String> labelsList(List<Agencies> agencies, String other) {
        return agencies.stream().map(a -> a == Agencies.OTHER && other != null ? other : a.label()).toList();
    }

    private LocalDate pastDate(String value, String field, String what, LocalDate notBefore, String notBeforeWhat,
            List<FieldError> errors) {
        LocalDate date = date(value, field, what, errors);
        if (date == null) {
            return null;
        }
        if (date.isAfter(calendar.today())) {
            errors.add(new FieldError(field, capitalised(what) + " must be today or in the past"));
            return null;
        }
        if (notBefore != null && date.isBefore(notBefore)) {
            errors.add(new FieldError(field, capitalised(what) + " must be on or after " + notBeforeWhat + ", "
                    + longDate(notBefore)));
            return null;
        }
        return date;
    }

    /** A date as year-month-day; the three boxes of a date input arrive as {@code 2026-8-28}. */
    static LocalDate date(String value, String field, String what, List<FieldError> errors) {
        return DateInput.required(DateInput.joined(value, what), field, what, errors);
    }

    private static String required(String value, String field, String missing, String label, List<FieldError> errors) {
        String text = trimmed(value);
        if (text == null) {
            errors.add(new FieldError(field, missing));
            return null;
        }
        text(text, field, label, errors);
        return text;
    }

    private static void text(String text, String field, String label, List<FieldError> errors) {
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(new FieldError(field, label + " must be 4,000 characters or fewer"));
        }
    }

    private static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors.stream().distinct().toList());
        }
    }

    private static void require(Object form) {
        if (form == null) {
            throw new InvalidSubmissionException("body", "Send a JSON object");
        }
    }

    static TriggerStatus statusOf(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return TriggerStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidSubmissionException("status", "Choose a status from the list");
        }
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Views of rows that need nothing from the service. */
    static final class ReviewViewsMapping {

        private ReviewViewsMapping() {
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
    }
}
