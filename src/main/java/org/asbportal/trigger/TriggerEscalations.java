package org.asbportal.trigger;

import static org.asbportal.trigger.ReviewForms.check;
import static org.asbportal.trigger.ReviewForms.required;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.trigger.ReviewForms.EscalationDecisionForm;
import org.asbportal.trigger.ReviewForms.EscalationForm;
import org.asbportal.trigger.ReviewViews.Review;
import org.asbportal.trigger.TriggerEscalation.About;
import org.asbportal.trigger.TriggerEscalation.Decision;
import org.asbportal.web.Calendar;
import org.asbportal.web.FieldError;

/**
 * The applicant's request to look at the threshold decision or the outcome again, made by them
 * (with their access code) or recorded for them by the coordinator, once; and the decision on it,
 * upheld or not, with reasons the applicant sees.
 */
@ApplicationScoped
public class TriggerEscalations {

    private final ReviewedApplications applications;
    private final CurrentStaff staff;
    private final AuditLog audit;
    private final Calendar calendar;

    public TriggerEscalations(ReviewedApplications applications, CurrentStaff staff, AuditLog audit, Calendar calendar) {
        this.applications = applications;
        this.staff = staff;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** A coordinator records, for the applicant, that they are unhappy with the decision or the outcome. */
    @Transactional
    public Review escalateFor(String reference, EscalationForm form) {
        TriggerApplication application = applications.find(reference, LockModeType.PESSIMISTIC_WRITE);
        TriggerEscalation escalation = escalate(application, form, staff.username());
        audit.record(staff.username(), "TRIGGER_ESCALATION", application.reference, escalation.about.name());
        return applications.saved(application);
    }

    /** The applicant asks, with their access code checked by the caller, for it to be looked at again. */
    @Transactional
    public void escalateByApplicant(String reference, EscalationForm form) {
        TriggerApplication application = applications.find(reference, LockModeType.PESSIMISTIC_WRITE);
        escalate(application, form, TriggerEscalation.APPLICANT);
        TriggerApplication.flush();
    }

    /** Whether the applicant's request is upheld, with the reasons; the applicant sees both. */
    @Transactional
    public Review decideEscalation(String reference, EscalationDecisionForm form) {
        TriggerApplication application = applications.find(reference, LockModeType.PESSIMISTIC_WRITE);
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
        applications.event(application, "ESCALATION_DECIDED", true, "Your request to look at " + escalation.about.label()
                + " again was " + (decision == Decision.UPHELD ? "upheld" : "not upheld") + ". " + reasons);
        audit.record(staff.username(), "TRIGGER_ESCALATION_DECISION", application.reference, decision.name());
        return applications.saved(application);
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
        ReviewedApplications.event(application, "ESCALATED", true, "You asked for " + escalation.about.label()
                + " to be looked at again" + (TriggerEscalation.APPLICANT.equals(by) ? "" : " (recorded for you by the coordinator)")
                + ". Your reason: " + reason, by, escalation.requestedAt);
        return escalation;
    }
}
