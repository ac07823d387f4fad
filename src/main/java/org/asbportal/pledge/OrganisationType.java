package org.asbportal.pledge;

/** The kinds of organisation that take the PLEDGE. */
public enum OrganisationType {
    COUNCIL("Council"),
    POLICE("Police"),
    HOUSING("Housing provider"),
    OTHER("Other partner agency");

    public final String label;

    OrganisationType(String label) {
        this.label = label;
    }
}
