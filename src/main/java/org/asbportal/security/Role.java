package org.asbportal.security;

/** Staff roles. A staff account holds one or more. */
public final class Role {

    public static final String ADMIN = "ADMIN";
    public static final String TRIAGE_OFFICER = "TRIAGE_OFFICER";
    public static final String CASEWORKER = "CASEWORKER";
    public static final String TRIGGER_COORDINATOR = "TRIGGER_COORDINATOR";
    public static final String PLEDGE_REVIEWER = "PLEDGE_REVIEWER";
    public static final String COUNCILLOR = "COUNCILLOR";

    private Role() {
    }
}
