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

    /** The GOV.UK tag colour staff see it in: red, orange or grey, always with the word beside it. */
    public String tagClass() {
        return switch (this) {
            case HIGH -> "govuk-tag--red";
            case MEDIUM -> "govuk-tag--orange";
            case STANDARD -> "govuk-tag--grey";
        };
    }

    public boolean atLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }
}
