package org.asbportal.pledge;

/** Where an assessment is: being filled in, with the reviewers, sent back, or accepted. */
public enum AssessmentStatus {
    DRAFT("In progress"),
    SUBMITTED("Submitted for review"),
    RETURNED("Returned with feedback"),
    ACCEPTED("Accepted");

    public final String label;

    AssessmentStatus(String label) {
        this.label = label;
    }

    /** Whether it waits for a reviewer's decision. */
    public boolean awaitingReview() {
        return this == SUBMITTED;
    }

    /** Whether the reviewers sent it back with feedback. */
    public boolean returned() {
        return this == RETURNED;
    }

    /** Whether the organisation may still change its answers. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
