package org.asbportal.trigger;

import static org.asbportal.trigger.ReviewForms.agencies;
import static org.asbportal.trigger.ReviewForms.check;
import static org.asbportal.trigger.ReviewForms.date;
import static org.asbportal.trigger.ReviewForms.name;
import static org.asbportal.trigger.ReviewForms.pastDate;
import static org.asbportal.trigger.ReviewForms.required;
import static org.asbportal.trigger.ReviewForms.text;
import static org.asbportal.trigger.ReviewForms.trimmed;
import static org.asbportal.trigger.ReviewViews.labels;
import static org.asbportal.trigger.ReviewViews.longDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.trigger.ReviewForms.AgencyForm;
import org.asbportal.trigger.ReviewForms.ConfirmForm;
import org.asbportal.trigger.ReviewForms.DecisionForm;
import org.asbportal.trigger.ReviewForms.MeetingForm;
import org.asbportal.trigger.ReviewForms.OutcomeForm;
import org.asbportal.trigger.ReviewForms.ProgressForm;
import org.asbportal.trigger.ReviewForms.RecommendationForm;
import org.asbportal.trigger.ReviewViews.RecommendationView;
import org.asbportal.trigger.ReviewViews.Review;
import org.asbportal.trigger.TriggerComplaint.Confirmation;
import org.asbportal.web.Calendar;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;

/**
 * The coordinator's review of a Community Trigger application, step by step to its deadlines:
 * acknowledge, confirm complaints with other agencies, decide the threshold (or proceed at
 * discretion for a vulnerable victim), gather the agencies' information, hold the review meeting,
 * record its recommendations and their progress, and send the outcome letter. Every read and change
 * is audited; every change is checked against the version the coordinator saw and written to the
 * application's append-only history. The queue is {@link TriggerReviewQueue}, the applicant's
 * escalation {@link TriggerEscalations}, the letter {@link TriggerOutcomeLetters}.
 */
@ApplicationScoped
public class TriggerReviewService {

    private final ReviewedApplications applications;
    private final TriggerOutcomeLetters letters;
    private final CurrentStaff staff;
    private final AuditLog audit;
    private final TriggerTimetable timetable;
    private final Calendar calendar;
    private final ThresholdRules rules;

    public TriggerReviewService(ReviewedApplications applications, TriggerOutcomeLetters letters,
            CurrentStaff staff, AuditLog audit, TriggerTimetable timetable, Calendar calendar, ThresholdRules rules) {
        this.rules = rules;
        this.applications = applications;
        this.letters = letters;
        this.staff = staff;
        this.audit = audit;
        this.timetable = timetable;
        this.calendar = calendar;
    }

    /** An application with its review and full history. Audited. */
    @Transactional
    public Review view(String reference) {
        TriggerApplication application = applications.find(reference, LockModeType.NONE);
        audit.record(staff.username(), "READ_TRIGGER", application.reference, null);
        return applications.view(application);
    }

    @Transactional
    public Review acknowledge(String reference, Integer version) {
        TriggerApplication application = applications.current(reference, version);
        TriggerApplicationStep step = openStep(application, TriggerStep.ACKNOWLEDGE, "The application is already acknowledged.");
        complete(step);
        application.status = TriggerStatus.ACKNOWLEDGED;
        applications.event(application, "ACKNOWLEDGED", true, "We have acknowledged your application. We will decide whether the "
                + "threshold for a case review is met by " + longDate(dueOf(application, TriggerStep.THRESHOLD_DECISION)) + ".");
        audit.record(staff.username(), "TRIGGER_ACKNOWLEDGE", application.reference, null);
        return applications.saved(application);
    }

    /** Records what another agency said about a complaint the applicant made to it: made, or not. */
    @Transactional
    public Review confirmComplaint(String reference, long complaintId, ConfirmForm form) {
        TriggerApplication application = applications.current(reference, form.version());
        if (application.decidedOn != null) {
            throw new TriggerConflictException("The threshold has already been decided: complaints can no longer be confirmed.");
        }
        TriggerComplaint complaint = TriggerComplaint.<TriggerComplaint>find("id = ?1 and application = ?2", complaintId, application)
                .firstResultOptional()
                .orElseThrow(() -> new TriggerNotFoundException("No complaint with this number in the application"));
        if (!complaint.toConfirm) {
            throw new InvalidSubmissionException("confirmed", "Only complaints still to confirm (to other agencies, or reports on this website the applicant did not show were theirs) are confirmed");
        }
        if (form.confirmed() == null) {
            throw new InvalidSubmissionException("confirmed", "Select whether the agency confirmed the complaint");
        }
        if (complaint.source == ComplaintSource.PORTAL) {
            return confirmPortalReport(application, complaint, form.confirmed());
        }
        complaint.confirmation = form.confirmed() ? Confirmation.CONFIRMED : Confirmation.NOT_CONFIRMED;
        complaint.confirmedBy = staff.username();
        complaint.confirmedAt = calendar.now();
        applications.event(application, "COMPLAINT_" + complaint.confirmation.name(), false, "Complaint " + complaint.position + " to "
                + complaint.agency + (form.confirmed() ? " confirmed by the agency." : " not confirmed by the agency: it no longer counts."));
        audit.record(staff.username(), "TRIGGER_CONFIRM_COMPLAINT", application.reference,
                complaint.position + " " + complaint.confirmation.name());
        return applications.saved(application);
    }

    /**
     * The coordinator confirms that a portal report the applicant cited without proving it (no access
     * code, not their email or phone) is one they may cite: it is then assessed on the report's own
     * dates like any other. Not confirmed, it stays uncounted.
     */
    private Review confirmPortalReport(TriggerApplication application, TriggerComplaint complaint, boolean confirmed) {
        if (confirmed && complaint.report == null) {
            throw new InvalidSubmissionException("confirmed", "No report on this website has this reference: it cannot be confirmed");
        }
        complaint.confirmation = confirmed ? Confirmation.CONFIRMED : Confirmation.NOT_CONFIRMED;
        complaint.confirmedBy = staff.username();
        complaint.confirmedAt = calendar.now();
        if (confirmed) {
            ThresholdRules.Verdict verdict = rules.assess(application.receivedOn, application.hateMotivated, List.of(
                    ThresholdRules.Complaint.portal(complaint.reportReference,
                            complaint.report.submittedAt.atZone(calendar.zone()).toLocalDate(), complaint.report.occurredOn)))
                    .complaints().get(0);
            complaint.reportedOn = verdict.complaint().reportedOn();
            complaint.behaviourOn = verdict.complaint().behaviourOn();
            complaint.qualifies = verdict.qualifies();
            complaint.reason = verdict.reason() + "; confirmed by the partnership";
        }
        applications.event(application, "COMPLAINT_" + complaint.confirmation.name(), false, "Complaint " + complaint.position
                + " (portal report " + complaint.reportReference + ")" + (confirmed ? " confirmed by the coordinator: "
                + (complaint.qualifies ? "it counts." : "it does not qualify.") : " not confirmed by the coordinator: it does not count."));
        audit.record(staff.username(), "TRIGGER_CONFIRM_COMPLAINT", application.reference,
                complaint.position + " " + complaint.confirmation.name());
        return applications.saved(application);
    }

    /**
     * Decides the threshold. Met or not is counted by the rules, without complaints an agency did
     * not confirm; below it the coordinator may still proceed when the victim is vulnerable, giving
     * reasons. Sets the due dates of the later steps from the day of the decision.
     */
    @Transactional
    public Review decide(String reference, DecisionForm form) {
        TriggerApplication application = applications.current(reference, form.version());
        requireDone(application, TriggerStep.ACKNOWLEDGE, "Acknowledge the application before deciding the threshold.");
        TriggerApplicationStep step = openStep(application, TriggerStep.THRESHOLD_DECISION, "The threshold has already been decided.");
        List<FieldError> errors = new ArrayList<>();
        LocalDate decidedOn = pastDate(form.decidedOn(), "decidedOn", "the date of the decision", calendar.today(),
                application.receivedOn,
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
            applications.event(application, "THRESHOLD_DECIDED", false, met
                    ? "Threshold met: " + qualifying + " qualifying complaint(s) of " + application.threshold + " needed."
                            + (reasons == null ? "" : " " + reasons)
                    : "Threshold not met (" + qualifying + " of " + application.threshold + " qualifying complaints), going "
                            + "ahead at the coordinator's discretion because the victim is vulnerable: " + reasons);
            applications.event(application, "REVIEW_STARTED", true, "A case review will take place. The agencies will share what they "
                    + "know by " + longDate(due.get(TriggerStep.AGENCY_INFORMATION)) + " and meet to review the case by "
                    + longDate(due.get(TriggerStep.REVIEW_MEETING)) + ".");
        } else {
            for (TriggerApplicationStep later : steps) {
                if (later.open()) {
                    later.notNeeded = true;
                }
            }
            application.status = TriggerStatus.THRESHOLD_NOT_MET;
            applications.event(application, "THRESHOLD_DECIDED", false, "Threshold not met: " + qualifying + " qualifying complaint(s) of "
                    + application.threshold + " needed; no discretion used.");
            applications.event(application, "THRESHOLD_NOT_MET", true, "We have decided that the threshold for a case review is not met. "
                    + reasons);
        }
        audit.record(staff.username(), "TRIGGER_DECISION", application.reference,
                met ? "MET" : discretionary ? "DISCRETIONARY" : "NOT_MET");
        return applications.saved(application);
    }

    /** Records which bodies were asked for their information and what they have done. */
    @Transactional
    public Review agencyInformation(String reference, AgencyForm form) {
        TriggerApplication application = applications.current(reference, form.version());
        requireProceeding(application);
        TriggerApplicationStep step = openStep(application, TriggerStep.AGENCY_INFORMATION,
                "The agencies' information is already recorded.");
        List<FieldError> errors = new ArrayList<>();
        List<Agencies> asked = agencies(form.asked(), "asked", "Select the bodies asked for their information", errors);
        String other = trimmed(form.other());
        if (asked.contains(Agencies.OTHER) && other == null) {
            errors.add(new FieldError("other", "Enter the name of the other body asked"));
        }
        name(other, "other", "The other body's name", errors);
        String summary = required(form.summary(), "summary", "Summarise what the agencies have done about the behaviour",
                "The summary", errors);
        check(errors);
        application.agenciesAsked = Agencies.store(asked);
        application.agenciesOther = asked.contains(Agencies.OTHER) ? other : null;
        application.agenciesSummary = summary;
        application.updatedAt = calendar.now();
        complete(step);
        applications.event(application, "AGENCY_INFORMATION", false, "Information from " + String.join(", ", labels(asked, application.agenciesOther))
                + ". Summary: " + summary);
        applications.event(application, "AGENCY_INFORMATION", true, "The agencies have shared what they know of the case.");
        audit.record(staff.username(), "TRIGGER_AGENCIES", application.reference, application.agenciesAsked);
        return applications.saved(application);
    }

    /** Records the review meeting; the outcome is then due a number of working days after it. */
    @Transactional
    public Review meeting(String reference, MeetingForm form) {
        TriggerApplication application = applications.current(reference, form.version());
        requireProceeding(application);
        TriggerApplicationStep step = openStep(application, TriggerStep.REVIEW_MEETING, "The review meeting is already recorded.");
        List<FieldError> errors = new ArrayList<>();
        LocalDate heldOn = pastDate(form.heldOn(), "heldOn", "the date of the meeting", calendar.today(), application.decidedOn,
                "the date of the threshold decision", errors);
        String chair = required(form.chair(), "chair", "Enter the name of the person who chaired the meeting",
                "The chair's name", errors);
        name(chair, "chair", "The chair's name", errors);
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
        applications.event(application, "REVIEW_MEETING", false, "Review meeting on " + longDate(heldOn) + ", chaired by " + chair
                + (form.chairIndependent() ? " (independent)" : " (not independent)") + "; attending: " + String.join(", ", labels(attending, null))
                + (form.victimAttended() ? "; the victim attended" : "; impact statement: " + statement)
                + ". Findings: " + findings);
        applications.event(application, "REVIEW_MEETING", true, "The review meeting took place on " + longDate(heldOn) + ". We will "
                + "send you the outcome by " + longDate(outcome.dueBy) + ".");
        audit.record(staff.username(), "TRIGGER_MEETING", application.reference, null);
        return applications.saved(application);
    }

    /** Adds a recommendation of the review: what, which agency owns it, by when. */
    @Transactional
    public RecommendationView addRecommendation(String reference, RecommendationForm form) {
        TriggerApplication application = applications.find(reference, LockModeType.PESSIMISTIC_WRITE);
        requireProceeding(application);
        List<FieldError> errors = new ArrayList<>();
        String text = required(form.text(), "text", "Enter the recommendation", "The recommendation", errors);
        if (text != null && text.length() > 2000) {
            errors.add(new FieldError("text", "The recommendation must be 2,000 characters or fewer"));
        }
        String owner = required(form.ownerAgency(), "ownerAgency", "Enter the agency that owns the recommendation",
                "The agency's name", errors);
        name(owner, "ownerAgency", "The agency's name", errors);
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
        applications.event(application, "RECOMMENDATION", false, "Recommendation for " + owner + " by " + longDate(dueOn) + ": " + text);
        audit.record(staff.username(), "TRIGGER_RECOMMENDATION", application.reference, null);
        TriggerRecommendation.flush();
        return ReviewViews.recommendation(recommendation, calendar.today());
    }

    /** Adds a note of progress on a recommendation, and marks it done when it is. */
    @Transactional
    public RecommendationView progress(String reference, long recommendationId, ProgressForm form) {
        TriggerApplication application = applications.find(reference, LockModeType.PESSIMISTIC_WRITE);
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
        applications.event(application, "RECOMMENDATION_PROGRESS", false, "Progress on the recommendation for "
                + recommendation.ownerAgency + (done ? " (now done)" : "") + ": " + note);
        audit.record(staff.username(), "TRIGGER_PROGRESS", application.reference, done ? "DONE" : null);
        TriggerRecommendation.flush();
        return ReviewViews.recommendation(recommendation, calendar.today());
    }

    /**
     * Records the outcome for the applicant: the review is complete and the outcome letter goes to
     * the applicant's email address, when they gave one, through the outbox.
     */
    @Transactional
    public Review outcome(String reference, OutcomeForm form) {
        TriggerApplication application = applications.current(reference, form.version());
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
        if (letters.mail(application)) {
            application.letterEmailed = true;
        }
        applications.event(application, "OUTCOME", true, "The case review is complete. Outcome: " + summary
                + (application.letterEmailed ? " We have emailed you the outcome letter." : " You can read the outcome letter here."));
        audit.record(staff.username(), "TRIGGER_OUTCOME", application.reference, application.letterEmailed ? "EMAILED" : null);
        return applications.saved(application);
    }

    // ---------------------------------------------------------------- the steps' order

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

    private static int qualifyingNow(TriggerApplication application) {
        return (int) TriggerComplaint.of(application).stream().filter(TriggerComplaint::countsNow).count();
    }
}
