package org.asbportal.trigger;

/** The steps of a Community Trigger review, in order, each with a deadline in working days. */
public enum TriggerStep {
    ACKNOWLEDGE("Acknowledge the application"),
    THRESHOLD_DECISION("Decide whether the threshold is met"),
    AGENCY_INFORMATION("Agencies share what they know of the case"),
    REVIEW_MEETING("Hold the review meeting"),
    OUTCOME("Tell the applicant the outcome");

    private final String label;

    TriggerStep(String label) {
        this.label = label;
    }

    /** What happens at this step, in words for the applicant. */
    public String label() {
        return label;
    }
}
