package org.asbportal.trigger;

/** Where a complaint cited in an application was made. */
public enum ComplaintSource {
    /** A report made on this portal, looked up by its reference. */
    PORTAL,
    /** A complaint to another agency (police, housing provider, council by phone…), to be confirmed with it. */
    OTHER_AGENCY
}
