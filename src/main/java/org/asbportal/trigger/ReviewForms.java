package org.asbportal.trigger;

import java.util.List;

/**
 * What the coordinator sends for each step of a review, from the HTML forms and as JSON. Dates are
 * text ({@code 2026-11-20}), read by the service so a wrong one is reported like any other field. A
 * {@code version} is the application's version the coordinator saw; without one (JSON only) the
 * change applies to the application as it is now.
 */
public final class ReviewForms {

    private ReviewForms() {
    }

    public record VersionForm(Integer version) {
    }

    public record ConfirmForm(Integer version, Boolean confirmed) {
    }

    public record DecisionForm(Integer version, String decidedOn, Boolean victimVulnerable, Boolean discretionary,
            String reasons) {
    }

    public record AgencyForm(Integer version, List<String> asked, String other, String summary) {
    }

    public record MeetingForm(Integer version, String heldOn, String chair, Boolean chairIndependent, List<String> attending,
            Boolean victimAttended, String impactStatement, String findings) {
    }

    public record RecommendationForm(String text, String ownerAgency, String dueOn) {
    }

    public record ProgressForm(Integer version, String note, Boolean done) {
    }

    public record OutcomeForm(Integer version, String summary) {
    }

    public record EscalationForm(String reason) {
    }

    public record EscalationDecisionForm(String decision, String reasons) {
    }
}
