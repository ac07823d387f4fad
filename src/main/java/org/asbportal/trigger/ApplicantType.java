package org.asbportal.trigger;

/** Who the victim is: anyone suffering persistent ASB may apply. */
public enum ApplicantType {
    PERSON,
    BUSINESS,
    COMMUNITY_GROUP
}
