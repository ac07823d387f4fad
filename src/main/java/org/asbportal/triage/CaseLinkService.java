package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.asbportal.report.ReportLink;
import org.asbportal.security.AccessCodes;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.triage.CaseViews.CaseView;
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

    public CaseLinkService(CaseService cases, CurrentStaff staff, AuditLog audit) {
        this.cases = cases;
        this.staff = staff;
        this.audit = audit;
    }

    /** Links this case with another the officer may work. */
    @Transactional
    public CaseView link(String reference, String otherReference) {
        String me = AccessCodes.normaliseReference(reference);
        String them = otherReference(otherReference, me, "A case cannot be linked with itself");
        cases.ensureWorkable(me);
        ensureOther(them);
        QueueItem item;
        QueueItem other;
        if (them.compareTo(me) < 0) {
            other = otherItem(them);
            item = cases.workableItem(me, LockModeType.PESSIMISTIC_WRITE);
        } else {
            item = cases.workableItem(me, LockModeType.PESSIMISTIC_WRITE);
            other = otherItem(them);
        }
        if (ReportLink.linked(item.report, other.report, ReportLink.LINKED_BY_STAFF)) {
            throw new InvalidSubmissionException("reference", "This case is already linked with " + them);
        }
        ReportLink.of(item.report, other.report, ReportLink.LINKED_BY_STAFF).persist();
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
        cases.ensureWorkable(me);
        ensureOther(them);
        QueueItem item;
        QueueItem target;
        if (them.compareTo(me) < 0) {
            target = otherItem(them);
            item = cases.current(me, version);
        } else {
            item = cases.current(me, version);
            target = otherItem(them);
        }
        if (target.status == QueueItemStatus.CLOSED) {
            throw new InvalidSubmissionException("reference", them + " is closed: merge into an open case");
        }
        if (!ReportLink.linked(item.report, target.report, ReportLink.MERGED_AS_DUPLICATE)) {
            ReportLink.of(item.report, target.report, ReportLink.MERGED_AS_DUPLICATE).persist();
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

    private void ensureOther(String reference) {
        try {
            cases.ensureWorkable(reference);
        } catch (CaseNotFoundException e) {
            throw new OtherCaseNotFoundException(reference);
        }
    }

    private QueueItem otherItem(String reference) {
        try {
            return cases.workableItem(reference, LockModeType.PESSIMISTIC_WRITE);
        } catch (CaseNotFoundException e) {
            throw new OtherCaseNotFoundException(reference);
        }
    }
}
