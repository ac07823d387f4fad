package org.asbportal.report;

/** A report's status as the victim sees it. */
public enum ReportStatus {
    RECEIVED("Received", "We have your report. The team it was sent to will look at it and contact you if you gave contact details."),
    IN_PROGRESS("Being worked on", "A member of staff is working on your report."),
    CLOSED("Closed", "We have finished working on this report.");

    private final String label;
    private final String explanation;

    ReportStatus(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }
}
