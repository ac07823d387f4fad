package org.asbportal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Writes the audit trail of staff reads and changes, in the caller's transaction. */
@ApplicationScoped
public class AuditLog {

    @jakarta.inject.Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String reference, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = clock.instant();
        entry.actor = actor;
        entry.action = action;
        entry.reference = reference;
        entry.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        entry.persist();
    }
}
