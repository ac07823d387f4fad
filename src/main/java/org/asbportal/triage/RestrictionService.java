package org.asbportal.triage;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Organisation;
import org.asbportal.security.StaffAccount;
import org.asbportal.web.Calendar;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;

/**
 * The safeguarding of a case: restricting it to named agencies (a safeguarding matter, a member of
 * staff as victim), changing those agencies, lifting the restriction, and flagging a concern that a
 * young person on it may be criminally exploited. Who may restrict is decided by
 * {@link CaseService#mayManageRestriction}; what a restriction hides, by {@link CaseAccess}. Restricting
 * and lifting are written to the case's internal history; every change is audited (never the reason,
 * which may name a person).
 */
@ApplicationScoped
public class RestrictionService {

    static final int MAX_REASON = 1000;

    /** An agency that may be allowed to see the case; {@code own} is the officer's, always allowed. */
    public record AgencyOption(String code, String name, boolean checked, boolean own) {
    }

    /** The restriction form of a case: as saved, or as typed when it has problems. */
    public record RestrictionForm(String reference, boolean restricted, String reason, List<AgencyOption> agencies,
            String ownAgency) {
    }

    private final CaseService cases;
    private final CaseAccess access;
    private final CurrentStaff staff;
    private final AuditLog audit;
    private final Calendar calendar;

    public RestrictionService(CaseService cases, CaseAccess access, CurrentStaff staff, AuditLog audit, Calendar calendar) {
        this.cases = cases;
        this.access = access;
        this.staff = staff;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** The form as the case is now. Looking at a restricted case's form is a view of it, audited so. */
    @Transactional
    public RestrictionForm form(String reference) {
        QueueItem item = manageable(reference, LockModeType.NONE);
        var restriction = access.restriction(item.report.id);
        restriction.ifPresent(r -> audit.record(staff.username(), "READ_RESTRICTED_CASE", item.report.reference, null));
        Set<Long> allowed = restriction.map(r -> r.organisationIds).orElse(Set.of());
        return form(item, restriction.isPresent(), restriction.map(r -> r.reason).orElse(null),
                organisation -> allowed.contains(organisation.id));
    }

    /** The form as typed, for showing it again with its problems. */
    @Transactional
    public RestrictionForm form(String reference, String reason, List<String> agencyCodes) {
        QueueItem item = manageable(reference, LockModeType.NONE);
        Set<String> codes = agencyCodes == null ? Set.of() : Set.copyOf(agencyCodes);
        return form(item, access.restriction(item.report.id).isPresent(), reason, organisation -> codes.contains(organisation.code));
    }

    /**
     * Restricts the case to the chosen agencies and the officer's own, or changes the agencies and
     * reason of a restriction already in place.
     */
    @Transactional
    public void restrict(String reference, String reason, List<String> agencyCodes) {
        QueueItem item = manageable(reference, LockModeType.PESSIMISTIC_WRITE);
        List<FieldError> errors = new ArrayList<>();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            errors.add(new FieldError("reason", "Give the reason for restricting the case"));
        } else if (why.length() > MAX_REASON) {
            errors.add(new FieldError("reason", String.format("The reason must be %,d characters or fewer", MAX_REASON)));
        }
        Set<Organisation> agencies = agencies(agencyCodes, errors);
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        StaffAccount me = staff.account();
        Set<Long> ids = agencies.stream().map(o -> o.id).collect(Collectors.toCollection(LinkedHashSet::new));
        String names = agencies.stream().map(o -> o.name).sorted().collect(Collectors.joining(", "));
        var existing = access.restriction(item.report.id);
        // The organisation of the officer who restricted the case stays allowed, whoever changes it.
        existing.ifPresent(r -> ids.add(r.restrictedBy.organisation.id));
        String codes = Organisation.<Organisation>list("id in ?1 order by code", ids).stream().map(o -> o.code)
                .collect(Collectors.joining(","));
        if (existing.isEmpty()) {
            CaseRestriction restriction = new CaseRestriction();
            restriction.reportId = item.report.id;
            restriction.reason = why;
            restriction.restrictedBy = me;
            restriction.restrictedAt = calendar.now();
            restriction.organisationIds.addAll(ids);
            restriction.persist();
            cases.event(item.report, "RESTRICTED", false, "Restricted by " + me.displayName + " (" + me.organisation.name
                    + ") to " + names + ": " + why);
            audit.record(me.username, "RESTRICT_CASE", item.report.reference, codes);
            return;
        }
        CaseRestriction restriction = existing.get();
        if (!restriction.organisationIds.equals(ids)) {
            restriction.organisationIds.clear();
            restriction.organisationIds.addAll(ids);
            audit.record(me.username, "RESTRICTION_AGENCIES_CHANGED", item.report.reference, codes);
        }
        if (!restriction.reason.equals(why)) {
            restriction.reason = why;
            audit.record(me.username, "RESTRICTION_REASON_CHANGED", item.report.reference, null);
        }
    }

    /** Lifts the restriction: every officer who works the case's queue sees it again. */
    @Transactional
    public void lift(String reference) {
        QueueItem item = manageable(reference, LockModeType.PESSIMISTIC_WRITE);
        CaseRestriction restriction = access.restriction(item.report.id)
                .orElseThrow(() -> new CaseConflictException("This case is not restricted (someone may have lifted it already)."));
        restriction.delete();
        StaffAccount me = staff.account();
        cases.event(item.report, "RESTRICTION_LIFTED", false, "Restriction lifted by " + me.displayName + " ("
                + me.organisation.name + ")");
        audit.record(me.username, "LIFT_RESTRICTION", item.report.reference, null);
    }

    /**
     * Flags (or clears) a concern that a young person on the case may be criminally exploited, which
     * puts an open case involving young people on the VAMAP's list. Written to the internal history.
     */
    @Transactional
    public void flagExploitation(String reference, int version, boolean concern) {
        QueueItem item = cases.current(reference, version);
        if (item.exploitationConcern == concern) {
            return; // a second press changes nothing and records nothing
        }
        item.exploitationConcern = concern;
        cases.event(item.report, "EXPLOITATION_CONCERN", false, (concern ? "Exploitation concern flagged by "
                : "Exploitation concern cleared by ") + staff.account().displayName);
        audit.record(staff.username(), "EXPLOITATION_CONCERN", item.report.reference, concern ? "flagged" : "cleared");
        QueueItem.flush();
    }

    /** The case, when the officer may see it and manage its restriction; 403 otherwise. */
    private QueueItem manageable(String reference, LockModeType lock) {
        QueueItem item = cases.workableItem(reference, lock);
        if (!cases.mayManageRestriction(item)) {
            throw new ForbiddenException("Only the officer who holds the case, a triage officer or an administrator may restrict it");
        }
        return item;
    }

    /** The agencies chosen, known ones only, with the officer's own always among them. */
    private Set<Organisation> agencies(List<String> codes, List<FieldError> errors) {
        Set<Organisation> chosen = new LinkedHashSet<>();
        chosen.add(staff.account().organisation);
        for (String code : codes == null ? List.<String>of() : codes) {
            if (code == null || code.isBlank()) {
                continue;
            }
            var organisation = Organisation.findByCode(code.strip());
            if (organisation.isEmpty()) {
                errors.add(new FieldError("agencies", "Choose the agencies from the list"));
                return chosen;
            }
            if (chosen.stream().noneMatch(o -> o.id.equals(organisation.get().id))) {
                chosen.add(organisation.get());
            }
        }
        return chosen;
    }

    private RestrictionForm form(QueueItem item, boolean restricted, String reason,
            java.util.function.Predicate<Organisation> checked) {
        Organisation own = staff.account().organisation;
        List<AgencyOption> options = Organisation.<Organisation>list("order by name").stream()
                .filter(o -> !o.id.equals(own.id))
                .map(o -> new AgencyOption(o.code, o.name, checked.test(o), false))
                .toList();
        return new RestrictionForm(item.report.reference, restricted, reason, options, own.name);
    }
}
