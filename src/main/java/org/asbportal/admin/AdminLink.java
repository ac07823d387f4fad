package org.asbportal.admin;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;

/** What the staff bar needs on every staff page: who is signed in and whether to link to administration. */
@Named("staffBar")
@RequestScoped
public class AdminLink {

    private final SecurityIdentity identity;
    private final CurrentStaff staff;

    public AdminLink(SecurityIdentity identity, CurrentStaff staff) {
        this.identity = identity;
        this.staff = staff;
    }

    /** Whether the signed-in member of staff is an administrator. */
    public boolean admin() {
        return !identity.isAnonymous() && identity.hasRole(Role.ADMIN);
    }

    /**
     * Whether the signed-in member of staff works cases: triage officers, caseworkers and administrators
     * open the queues and meeting lists; a coordinator or a councillor would be refused them.
     */
    public boolean worksCases() {
        return !identity.isAnonymous()
                && (identity.hasRole(Role.ADMIN) || identity.hasRole(Role.TRIAGE_OFFICER) || identity.hasRole(Role.CASEWORKER));
    }

    /** Whether the signed-in member of staff reviews Community Trigger applications (coordinators and administrators). */
    public boolean coordinator() {
        return !identity.isAnonymous() && (identity.hasRole(Role.TRIGGER_COORDINATOR) || identity.hasRole(Role.ADMIN));
    }

    /** When the member of staff signed in before this time, for "You last signed in at ..."; null the first time. */
    public java.time.Instant lastSignedIn() {
        return staff.account().previousSignedInAt;
    }

    public String staffName() {
        return staff.account().displayName;
    }
}
