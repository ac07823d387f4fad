package org.asbportal.category;

/** National incident recording's three groups of ASB. */
public enum CategoryGroup {
    PERSONAL("Personal", "Aimed at you or someone in particular"),
    NUISANCE("Nuisance", "Affecting the community"),
    ENVIRONMENTAL("Environmental", "Public spaces and buildings");

    private final String label;
    private final String hint;

    CategoryGroup(String label, String hint) {
        this.label = label;
        this.hint = hint;
    }

    public String label() {
        return label;
    }

    public String hint() {
        return hint;
    }
}
