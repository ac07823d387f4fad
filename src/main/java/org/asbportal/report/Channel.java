package org.asbportal.report;

/** How a report reached us. */
public enum Channel {
    WEB,
    API
}
