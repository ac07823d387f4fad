package org.asbportal.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

import org.asbportal.security.AccessCodes;
import org.asbportal.security.AuditLog;
import org.asbportal.web.Calendar;
import org.asbportal.web.InvalidSubmissionException;

/**
 * Legal holds: an administrator holds a report (with its case) or a Community Trigger application, with
 * a reason such as live legal action; the retention job skips it and erasure refuses it until the
 * hold is lifted. Placing and lifting are audited.
 */
@ApplicationScoped
public class LegalHolds {

    static final String REFERENCE = "holdReference";
    static final String REASON = "holdReason";
    private static final int REASON_MAX = 500;

    private final EntityManager entities;
    private final Calendar calendar;
    private final AuditLog audit;

    LegalHolds(EntityManager entities, Calendar calendar, AuditLog audit) {
        this.entities = entities;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** The holds in force, newest first. */
    @Transactional
    public List<LegalHold> active() {
        return LegalHold.active();
    }

    /** Places a hold on the record with this reference; refused for an unknown reference, one held already or no reason. */
    @Transactional
    public LegalHold place(String typedReference, String typedReason, String actor) {
        String reason = typedReason == null ? "" : typedReason.strip();
        Optional<String> reference = AccessCodes.validReference(typedReference);
        if (reference.isEmpty()) {
            throw new InvalidSubmissionException(REFERENCE, "Enter a reference like ASB-7KQ4-M9XP or CT-7KQ4-M9XP");
        }
        String kind = kindOf(reference.get());
        if (kind == null) {
            throw new InvalidSubmissionException(REFERENCE, "No report or application has the reference " + reference.get());
        }
        if (!LegalHold.heldAmong(List.of(reference.get())).isEmpty()) {
            throw new InvalidSubmissionException(REFERENCE, reference.get() + " is held already");
        }
        if (reason.isEmpty()) {
            throw new InvalidSubmissionException(REASON, "Enter why the record is held, for example live legal action");
        }
        if (reason.length() > REASON_MAX) {
            throw new InvalidSubmissionException(REASON, "Reason must be " + REASON_MAX + " characters or fewer");
        }
        LegalHold hold = new LegalHold();
        hold.recordKind = kind;
        hold.reference = reference.get();
        hold.reason = reason;
        hold.placedBy = actor;
        hold.placedAt = calendar.now();
        hold.persist();
        audit.record(actor, "LEGAL_HOLD_PLACED", hold.reference, "hold " + hold.id);
        return hold;
    }

    /** Lifts a hold in force; a hold lifted already is left as it is. */
    @Transactional
    public LegalHold lift(long id, String actor) {
        LegalHold hold = LegalHold.findById(id);
        if (hold == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        if (hold.liftedAt == null) {
            hold.liftedAt = calendar.now();
            hold.liftedBy = actor;
            audit.record(actor, "LEGAL_HOLD_LIFTED", hold.reference, "hold " + hold.id);
        }
        return hold;
    }

    private String kindOf(String reference) {
        if (exists("SELECT COUNT(*) FROM report WHERE reference = ?1", reference)) {
            return LegalHold.REPORT;
        }
        if (exists("SELECT COUNT(*) FROM trigger_application WHERE reference = ?1", reference)) {
            return LegalHold.APPLICATION;
        }
        return null;
    }

    private boolean exists(String sql, String reference) {
        return ((Number) entities.createNativeQuery(sql).setParameter(1, reference).getSingleResult()).longValue() > 0;
    }
}
