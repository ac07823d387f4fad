package org.asbportal.triage;

/** The kinds of action the partnership takes on a case, in plain words. */
public enum ActionType {
    WARNING("Warning (verbal or written)"),
    ACCEPTABLE_BEHAVIOUR_CONTRACT("Acceptable behaviour contract"),
    MEDIATION("Mediation"),
    COMMUNITY_PROTECTION_WARNING("Community Protection Warning"),
    COMMUNITY_PROTECTION_NOTICE("Community Protection Notice"),
    REFERRAL_MENTAL_HEALTH("Referral to mental health support"),
    REFERRAL_DRUG_ALCOHOL("Referral to drug and alcohol support"),
    REFERRAL_OTHER_SUPPORT("Referral to other support"),
    DIVERSIONARY_ACTIVITY("Diversionary activity for young people"),
    PATROL_TASKING("Patrol tasking"),
    PSPO_ENFORCEMENT("Public Spaces Protection Order enforcement"),
    DISPERSAL_DIRECTION("Dispersal direction"),
    OTHER("Other action");

    private final String label;

    ActionType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the action applies to an area for a period, which must then be given: PSPO enforcement and dispersal. */
    public boolean placed() {
        return this == PSPO_ENFORCEMENT || this == DISPERSAL_DIRECTION;
    }
}
