package org.asbportal.report;

/** How a report reached us. */
public enum Channel {
    WEB,
    API,
    /** An Open311 GeoReport v2 service request, from a client with an API key allowed to send them. */
    OPEN311,
    /** Taken by a member of staff on the resident's behalf: by phone, on paper, in person. */
    PHONE,
    PAPER,
    IN_PERSON;

    /** Whether a member of staff took it down for the person, who had no robot check to pass. */
    public boolean takenByStaff() {
        return this == PHONE || this == PAPER || this == IN_PERSON;
    }
}
