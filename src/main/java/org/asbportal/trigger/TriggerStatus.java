package org.asbportal.trigger;

/** Where an application is, as the applicant is told it. */
public enum TriggerStatus {
    RECEIVED("We have received your application. We will acknowledge it and then decide whether the threshold for a "
            + "case review is met.");

    private final String explanation;

    TriggerStatus(String explanation) {
        this.explanation = explanation;
    }

    /** What the status means, in words for the applicant. */
    public String explanation() {
        return explanation;
    }
}
