package org.asbportal.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

/** The signed-in member of staff, for services that scope what they show. */
@RequestScoped
public class CurrentStaff {

    private final SecurityIdentity identity;
    private StaffAccount account;

    public CurrentStaff(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String username() {
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The account, loaded once per request. */
    @Transactional
    public StaffAccount account() {
        if (account == null) {
            account = StaffAccount.findByUsername(username())
                    .orElseThrow(() -> new IllegalStateException("Signed in as an account that no longer exists"));
        }
        return account;
    }

    /** Whether this member of staff may work the queue. Admins may work every queue. */
    public boolean mayWork(Long queueId) {
        return hasRole(Role.ADMIN) || account().queueIds.contains(queueId);
    }
}
