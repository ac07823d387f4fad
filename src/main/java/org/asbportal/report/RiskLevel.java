package org.asbportal.report;

/** The victim's risk of harm, as screened from the report. Ordered from lowest to highest. */
public enum RiskLevel {
    STANDARD("Standard"),
    MEDIUM("Medium"),
    HIGH("High");

    private final String label;

    RiskLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean atLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }
}
