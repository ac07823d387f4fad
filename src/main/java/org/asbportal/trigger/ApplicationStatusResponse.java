package org.asbportal.trigger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON view of an application for the applicant holding its access code. */
public record ApplicationStatusResponse(
        String reference,
        TriggerStatus status,
        String statusDescription,
        LocalDate receivedOn,
        boolean thresholdMet,
        int qualifyingComplaints,
        int threshold,
        List<ApplicationResponse.Step> steps,
        List<ApplicationResponse.Complaint> complaints,
        List<Update> updates,
        String statusLabel,
        boolean mayEscalate,
        Escalation escalation,
        ReviewViews.OutcomeLetter letter,
        ReviewViews.Spoc spoc,
        boolean mayAskPcc,
        ReviewViews.PccReviewView pccReview) {

    /** The applicant's request to look at the decision or outcome again, and what was decided. */
    public record Escalation(TriggerEscalation.About about, String reason, Instant requestedAt,
            TriggerEscalation.Decision decision, String decisionReasons, Instant decidedAt) {
    }

    /** A public entry of the application's history. */
    public record Update(Instant at, String message) {
    }
}
