package org.asbportal.triage;

/** Where an action stands: open until its result is recorded as done or cancelled. */
public enum ActionStatus {
    OPEN("Open"),
    DONE("Done"),
    CANCELLED("Cancelled");

    private final String label;

    ActionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
