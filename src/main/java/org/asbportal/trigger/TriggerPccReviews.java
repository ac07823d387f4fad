package org.asbportal.trigger;

import static org.asbportal.trigger.ReviewForms.check;
import static org.asbportal.trigger.ReviewForms.pastDate;
import static org.asbportal.trigger.ReviewForms.required;
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
import org.asbportal.trigger.ReviewForms.PccDecisionForm;
import org.asbportal.trigger.ReviewForms.PccReferralForm;
import org.asbportal.trigger.ReviewForms.PccRequestForm;
import org.asbportal.trigger.ReviewViews.Review;
import org.asbportal.trigger.TriggerPccReview.Decision;
import org.asbportal.web.Calendar;
import org.asbportal.web.FieldError;

/**
 * The Police and Crime Commissioner's review of a "threshold not met" decision: the applicant asks
 * for it, once, with their access code; the coordinator records the day it was referred to the
 * Commissioner and then the Commissioner's decision. Upheld, the decision stands; overturned, the case
 * review goes ahead as if the threshold had been met that day, its later steps due from then.
 */
@ApplicationScoped
public class TriggerPccReviews {

    /** Who asks for the Commissioner's review: the applicant, with their access code. */
    static final String APPLICANT = "applicant";

    private final ReviewedApplications applications;
    private final CurrentStaff staff;
    private final AuditLog audit;
    private final Calendar calendar;
    private final TriggerTimetable timetable;

    public TriggerPccReviews(ReviewedApplications applications, CurrentStaff staff, AuditLog audit, Calendar calendar,
            TriggerTimetable timetable) {
        this.applications = applications;
        this.staff = staff;
        this.audit = audit;
        this.calendar = calendar;
        this.timetable = timetable;
    }

    /** Whether the applicant may now ask: the threshold was decided not met (no discretion), and they have not asked before. */
    static boolean mayRequest(TriggerApplication application) {
        return application.decidedOn != null && !application.proceeding() && TriggerPccReview.of(application).isEmpty();
    }

    /** The applicant, their access code checked by the caller, asks the Commissioner to review the decision. */
    @Transactional
    public void request(String reference, PccRequestForm form) {
        TriggerApplication application = applications.find(reference, LockModeType.PESSIMISTIC_WRITE);
        if (!mayRequest(application)) {
            throw new TriggerConflictException(TriggerPccReview.of(application).isPresent()
                    ? "You have already asked the Police and Crime Commissioner to review the decision."
                    : "You can ask the Police and Crime Commissioner only to review a decision that the threshold is not met.");
        }
        List<FieldError> errors = new ArrayList<>();
        String reason = required(form == null ? null : form.reason(), "pccReason",
                "Tell us why you think the threshold decision is wrong", "Your reason", errors);
        check(errors);
        TriggerPccReview review = new TriggerPccReview();
        review.application = application;
        review.reason = reason;
        review.requestedAt = calendar.now();
        review.persist();
        ReviewedApplications.event(application, "PCC_REQUESTED", true, "You asked for the Police and Crime Commissioner to "
                + "review the decision that the threshold is not met. Your reason: " + reason, APPLICANT, review.requestedAt);
        application.updatedAt = review.requestedAt;
        audit.record(APPLICANT, "TRIGGER_PCC_REQUEST", application.reference, null);
        TriggerApplication.flush();
    }

    /** The coordinator records the day the request went to the Commissioner. */
    @Transactional
    public Review refer(String reference, PccReferralForm form) {
        TriggerApplication application = applications.current(reference, form.version());
        TriggerPccReview review = requested(application);
        if (review.referredOn != null) {
            throw new TriggerConflictException("The request has already been referred to the Police and Crime Commissioner.");
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate referredOn = pastDate(form.referredOn(), "referredOn", "the date it was referred", calendar.today(),
                review.requestedAt.atZone(calendar.zone()).toLocalDate(), "the date the applicant asked", errors);
        check(errors);
        review.referredOn = referredOn;
        review.referredBy = staff.username();
        applications.event(application, "PCC_REFERRED", true, "We referred your request to the Police and Crime "
                + "Commissioner on " + longDate(referredOn) + ". We will tell you what they decide.");
        audit.record(staff.username(), "TRIGGER_PCC_REFERRAL", application.reference, null);
        return applications.saved(application);
    }

    /**
     * The coordinator records the Commissioner's decision; overturned, the review goes ahead, its
     * agencies' information, meeting and outcome due from the day of the Commissioner's decision.
     */
    @Transactional
    public Review decide(String reference, PccDecisionForm form) {
        TriggerApplication application = applications.current(reference, form.version());
        TriggerPccReview review = requested(application);
        if (review.referredOn == null) {
            throw new TriggerConflictException("Record that the request was referred to the Police and Crime Commissioner first.");
        }
        if (review.decision != null) {
            throw new TriggerConflictException("The Police and Crime Commissioner's decision has already been recorded.");
        }
        List<FieldError> errors = new ArrayList<>();
        Decision decision = null;
        try {
            decision = form.decision() == null ? null : Decision.valueOf(form.decision());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (decision == null) {
            errors.add(new FieldError("decision", "Select whether the Commissioner upheld or overturned the decision"));
        }
        LocalDate decidedOn = pastDate(form.decidedOn(), "decidedOn", "the date of the Commissioner's decision",
                calendar.today(), review.referredOn, "the date it was referred", errors);
        String reasons = required(form.reasons(), "reasons", "Give the Commissioner's reasons, for the applicant",
                "The reasons", errors);
        check(errors);
        review.decision = decision;
        review.decisionReasons = reasons;
        review.decidedOn = decidedOn;
        review.decidedBy = staff.username();
        if (decision == Decision.OVERTURNED) {
            goAhead(application, decidedOn, reasons);
        } else {
            applications.event(application, "PCC_UPHELD", true, "The Police and Crime Commissioner upheld the decision that "
                    + "the threshold is not met. " + reasons + " You can complain to the Local Government and Social Care "
                    + "Ombudsman.");
        }
        audit.record(staff.username(), "TRIGGER_PCC_DECISION", application.reference, decision.name());
        return applications.saved(application);
    }

    private void goAhead(TriggerApplication application, LocalDate decidedOn, String reasons) {
        application.decisionOverturned = true;
        application.status = TriggerStatus.REVIEW_IN_PROGRESS;
        Map<TriggerStep, LocalDate> due = timetable.afterDecision(decidedOn);
        for (TriggerApplicationStep step : TriggerApplicationStep.of(application)) {
            if (due.containsKey(step.step) && step.completedAt == null) {
                step.notNeeded = false;
                step.dueBy = due.get(step.step);
            }
        }
        applications.event(application, "PCC_OVERTURNED", true, "The Police and Crime Commissioner overturned the decision "
                + "that the threshold is not met. " + reasons);
        applications.event(application, "REVIEW_STARTED", true, "A case review will take place. The agencies will share "
                + "what they know by " + longDate(due.get(TriggerStep.AGENCY_INFORMATION)) + " and meet to review the case by "
                + longDate(due.get(TriggerStep.REVIEW_MEETING)) + ".");
    }

    private static TriggerPccReview requested(TriggerApplication application) {
        return TriggerPccReview.of(application).orElseThrow(() -> new TriggerConflictException(
                "The applicant has not asked for the Police and Crime Commissioner's review."));
    }
}
