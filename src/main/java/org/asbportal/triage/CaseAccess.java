package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.asbportal.security.CurrentStaff;
import org.asbportal.security.StaffAccount;
import org.asbportal.triage.CaseViews.RestrictedCase;

/**
 * The one rule for "may this officer see this case's details": yes, unless the case is restricted
 * ({@link CaseRestriction}) to agencies the officer's organisation is not among. Every place that
 * shows a case (queues, search, meeting lists, hotspots, the case page and API, evidence,
 * perpetrators) asks here; an officer who may not see the details gets a {@link RestrictedCase}
 * stub: the reference, "Restricted", and whom to ask. Whether the officer may work the case's queue
 * at all stays with {@link CurrentStaff#mayWork}.
 */
@ApplicationScoped
public class CaseAccess {

    private final CurrentStaff staff;
    private final EntityManager em;

    public CaseAccess(CurrentStaff staff, EntityManager em) {
        this.staff = staff;
        this.em = em;
    }

    /** Whether the signed-in officer may see the details of the case (the report with this id). */
    public boolean maySeeDetails(Long reportId) {
        return restriction(reportId).map(this::allowed).orElse(true);
    }

    /** The case's restriction, if it has one. */
    Optional<CaseRestriction> restriction(Long reportId) {
        return CaseRestriction.forReport(reportId);
    }

    /** Whether the signed-in officer's agency is among those a restriction allows. */
    boolean allowed(CaseRestriction restriction) {
        return restriction.organisationIds.contains(staff.account().organisation.id);
    }

    /**
     * The reports restricted away from the signed-in officer's agency, for lists to show as stubs or
     * to leave out of counts and word searches. Restrictions are few, so this is one small query.
     */
    Set<Long> hiddenReportIds() {
        Long organisation = staff.account().organisation.id;
        List<Long> all = em.createQuery("select c.reportId from CaseRestriction c", Long.class).getResultList();
        if (all.isEmpty()) {
            return Set.of();
        }
        Set<Long> hidden = new HashSet<>(all);
        hidden.removeAll(em.createQuery("select c.reportId from CaseRestriction c join c.organisationIds o where o = :organisation",
                Long.class).setParameter("organisation", organisation).getResultList());
        return hidden;
    }

    /** The ids to leave out of a query's {@code not in} (never empty, so the query stays valid). */
    static List<Long> notIn(Set<Long> hidden) {
        return hidden.isEmpty() ? List.of(-1L) : List.copyOf(hidden);
    }

    /** Fails with the stub when the officer may not see the case's details. */
    void requireDetails(QueueItem item) {
        Optional<CaseRestriction> restriction = restriction(item.report.id);
        if (restriction.isPresent() && !allowed(restriction.get())) {
            throw new CaseRestrictedException(stub(item, restriction.get()));
        }
    }

    /** What an officer of another agency sees of a restricted case: that it exists and whom to ask. */
    static RestrictedCase stub(QueueItem item, CaseRestriction restriction) {
        StaffAccount owner = item.assignedTo != null ? item.assignedTo : restriction.restrictedBy;
        return new RestrictedCase(item.report.reference, true, owner.displayName, owner.organisation.name);
    }

    /** The stub of a case known to be hidden from the officer. */
    RestrictedCase stub(QueueItem item) {
        return stub(item, restriction(item.report.id).orElseThrow());
    }
}
