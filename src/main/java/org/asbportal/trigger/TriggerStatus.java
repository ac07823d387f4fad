package org.asbportal.trigger;

/** Where an application is, as the applicant is told it. */
public enum TriggerStatus {
    RECEIVED("Received", "We have received your application. We will acknowledge it and then decide whether the "
            + "threshold for a case review is met."),
    ACKNOWLEDGED("Acknowledged", "We have acknowledged your application. We are now checking the complaints you "
            + "told us about and will decide whether the threshold for a case review is met."),
    THRESHOLD_NOT_MET("Threshold not met", "We have decided that the threshold for a case review is not met, so "
            + "there will be no review meeting. We have told you why. If you are unhappy with this decision you can "
            + "ask for it to be looked at again."),
    REVIEW_IN_PROGRESS("Review in progress", "A case review is going ahead. The agencies are sharing what they know "
            + "and will meet to review how they have responded to the anti-social behaviour."),
    REVIEW_COMPLETE("Review complete", "The case review has finished and we have sent you the outcome letter. If you "
            + "are unhappy with the outcome you can ask for it to be looked at again."),
    ESCALATED("Being looked at again", "You have asked for the decision or the outcome to be looked at again. "
            + "Someone who was not part of the review is looking at it and will tell you what they decide."),
    ESCALATION_UPHELD("Looked at again: you were right", "Your request to look at it again was upheld: the "
            + "partnership will put right what went wrong, as set out in the history below."),
    ESCALATION_NOT_UPHELD("Looked at again: decision stands", "Your request to look at it again was not upheld: "
            + "the decision stands, for the reasons set out in the history below. You can complain to the Local "
            + "Government and Social Care Ombudsman.");

    private final String label;
    private final String explanation;

    TriggerStatus(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    /** A short name for the status, for tags and tables. */
    public String label() {
        return label;
    }

    /** What the status means, in words for the applicant. */
    public String explanation() {
        return explanation;
    }

    /** Whether the applicant may now ask for the decision or the outcome to be looked at again. */
    public boolean mayEscalate() {
        return this == THRESHOLD_NOT_MET || this == REVIEW_COMPLETE;
    }
}
