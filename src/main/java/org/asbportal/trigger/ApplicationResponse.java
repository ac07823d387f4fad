package org.asbportal.trigger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON answer to a saved application: the access code is shown here only. */
public record ApplicationResponse(
        String reference,
        String accessCode,
        boolean thresholdMet,
        int qualifyingComplaints,
        int threshold,
        LocalDate decisionDueBy,
        List<Step> steps,
        List<Complaint> complaints) {

    /**
     * A step of the review; {@code completedAt} is null until it is done, and {@code notNeeded} is
     * true for the steps of a review that will not take place (the threshold was not met).
     */
    public record Step(TriggerStep step, String description, LocalDate dueBy, Instant completedAt, boolean notNeeded) {

        static Step of(TriggerApplicationStep step) {
            return new Step(step.step, step.step.label(), step.dueBy, step.completedAt, step.notNeeded);
        }
    }

    /**
     * A complaint the application cites: a portal report's reference, or another agency with the
     * dates the applicant gave. A portal report's own dates are not repeated: whoever cites a
     * reference learns only whether it counts.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Complaint(ComplaintSource source, String reference, String agency, LocalDate reportedOn,
            LocalDate behaviourOn, boolean qualifies, String reason, boolean toConfirm, Integer sameIncidentAs) {

        static Complaint of(TriggerComplaint complaint) {
            boolean given = complaint.source == ComplaintSource.OTHER_AGENCY;
            return new Complaint(complaint.source, complaint.reportReference, complaint.agency,
                    given ? complaint.reportedOn : null, given ? complaint.behaviourOn : null, complaint.qualifies, complaint.reason, complaint.toConfirm,
                    complaint.sameIncidentAs);
        }
    }
}
