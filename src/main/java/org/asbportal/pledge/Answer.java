package org.asbportal.pledge;

/** How far an organisation meets what a question asks, and the points it scores. */
public enum Answer {
    YES("Yes", 2),
    PARTLY("Partly", 1),
    NO("No", 0),
    /** Left out of the score altogether: neither earned nor possible. */
    NOT_APPLICABLE("Not applicable", 0);

    public final String label;
    public final int points;

    Answer(String label, int points) {
        this.label = label;
        this.points = points;
    }

    public boolean scored() {
        return this != NOT_APPLICABLE;
    }

    /** The answer a form or JSON value names ("YES", "partly", "not_applicable"), or null. */
    public static Answer parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase().replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
