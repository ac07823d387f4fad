package org.asbportal.report;

/** How a report reached us. */
public enum Channel {
    WEB,
    API,
    /** An Open311 GeoReport v2 service request, from a client with an API key allowed to send them. */
    OPEN311
}
