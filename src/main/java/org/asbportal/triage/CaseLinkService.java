package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

import org.asbportal.report.ReportLink;
import org.asbportal.security.AccessCodes;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.triage.CaseViews.CaseView;
import org.asbportal.web.Calendar;
import org.asbportal.web.InvalidSubmissionException;

/**
 * Links between cases made by staff: two cases that belong together, or a case closed as a
 * duplicate of another ("merged"). Both cases get an entry in their history and the audit log; the
 * victim of a merged case is told it is closed, as with any closure.
 */
@ApplicationScoped
public class CaseLinkService {

    private final CaseService cases;
    private final CurrentStaff staff;
    private final AuditLog audit;
    private final Calendar calendar;

    public CaseLinkService(CaseService cases, CurrentStaff staff, AuditLog audit, Calendar calendar) {
        this.cases = cases;
        this.staff = staff;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** Links this case with another the officer may work. */
    @Transactional
    public CaseView link(String reference, String otherReference) {
        String me = AccessCodes.normaliseReference(reference);
        String them = otherReference(otherReference, me, "A case cannot be linked with itself");
        QueueItem[] both = lockBoth(me, them, () -> cases.workableItem(me, LockModeType.PESSIMISTIC_WRITE));
        QueueItem item = both[0];
        QueueItem other = both[1];
        if (ReportLink.linked(item.report, other.report, ReportLink.LINKED_BY_STAFF)) {
            throw new InvalidSubmissionException("reference", "This case is already linked with " + them);
        }
        ReportLink.of(item.report, other.report, ReportLink.LINKED_BY_STAFF, calendar.now()).persist();
        String by = staff.account().displayName;
        cases.event(item.report, "LINKED", false, "Linked with " + them + " by " + by);
        cases.event(other.report, "LINKED", false, "Linked with " + me + " by " + by);
        audit.record(staff.username(), "LINK_CASE", me, them);
        audit.record(staff.username(), "LINK_CASE", them, me);
        return cases.saved(item);
    }

    /** Closes this case as a duplicate of another open case, links them and tells this case's victim. */
    @Transactional
    public CaseView merge(String reference, int version, String otherReference) {
        String me = AccessCodes.normaliseReference(reference);
        String them = otherReference(otherReference, me, "A case cannot be merged into itself");
        QueueItem[] both = lockBoth(me, them, () -> cases.current(me, version));
        QueueItem item = both[0];
        QueueItem target = both[1];
        if (target.status == QueueItemStatus.CLOSED) {
            throw new InvalidSubmissionException("reference", them + " is closed: merge into an open case");
        }
        if (!ReportLink.linked(item.report, target.report, ReportLink.MERGED_AS_DUPLICATE)) {
            ReportLink.of(item.report, target.report, ReportLink.MERGED_AS_DUPLICATE, calendar.now()).persist();
        }
        String by = staff.account().displayName;
        cases.event(item.report, "MERGED", false, "Closed as a duplicate of " + them + " by " + by);
        cases.closeAs(item, Outcome.DUPLICATE);
        cases.event(target.report, "MERGED", false, me + " was closed as a duplicate of this case by " + by);
        audit.record(staff.username(), "MERGE", me, them);
        audit.record(staff.username(), "MERGED_IN", them, me);
        return cases.saved(item);
    }

    private static String otherReference(String otherReference, String me, String self) {
        String them = AccessCodes.normaliseReference(otherReference);
        if (them.isEmpty()) {
            throw new InvalidSubmissionException("reference", "Enter the reference of the other case");
        }
        if (them.equals(me)) {
            throw new InvalidSubmissionException("reference", self);
        }
        return them;
    }

    /**
     * This case (through {@code mine}) and the other, both locked until the change commits. Both are
     * checked first, this one before the other, so what is refused does not depend on the references;
     * then they are locked in the order of their references, so two officers linking the same pair
     * from either side wait for each other instead of deadlocking.
     */
    private QueueItem[] lockBoth(String me, String them, Supplier<QueueItem> mine) {
        cases.ensureWorkable(me);
        try {
            cases.ensureWorkable(them);
        } catch (CaseNotFoundException e) {
            throw new OtherCaseNotFoundException(them);
        }
        if (them.compareTo(me) < 0) {
            QueueItem other = cases.workableItem(them, LockModeType.PESSIMISTIC_WRITE);
            return new QueueItem[] {mine.get(), other};
        }
        QueueItem item = mine.get();
        return new QueueItem[] {item, cases.workableItem(them, LockModeType.PESSIMISTIC_WRITE)};
    }
}
