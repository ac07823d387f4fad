package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quarkus.panache.common.Parameters;

import org.asbportal.web.DateInput;
import org.asbportal.web.Calendar;
import org.asbportal.report.ReportSubmission.AgeBand;
import org.asbportal.report.ReportSubmission.Disability;
import org.asbportal.report.ReportSubmission.Ethnicity;
import org.asbportal.report.ReportSubmission.Sex;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.triage.CaseViews.CaseView;
import org.asbportal.triage.CaseViews.PerpetratorMatch;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;

/**
 * People reported as causing the behaviour, linked to cases: added from a case, found by name among
 * those linked to cases in the officer's queues, linked to more cases and unlinked. Their details
 * are personal data: audit entries and history name the record by number only.
 */
@ApplicationScoped
public class PerpetratorService {

    static final int MAX_MATCHES = 20;

    /** A new perpetrator as typed; every field but the name may be left out. */
    public record PerpetratorForm(String name, String aliases, String dateOfBirth, String address, String description,
            String notes, String ageBand, String sex, String ethnicity, String disability) {
    }

    private final CaseService cases;
    private final CurrentStaff staff;
    private final AuditLog audit;
    private final Calendar calendar;
    private final CaseAccess access;

    public PerpetratorService(CaseService cases, CurrentStaff staff, AuditLog audit, Calendar calendar, CaseAccess access) {
        this.access = access;
        this.cases = cases;
        this.staff = staff;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** Records a new perpetrator and links them to this case. */
    @Transactional
    public CaseView add(String reference, PerpetratorForm form) {
        QueueItem item = cases.workableItem(reference, LockModeType.PESSIMISTIC_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Perpetrator person = new Perpetrator();
        if (form.name() == null || form.name().isBlank()) {
            errors.add(new FieldError("name", "Enter the person's name, or what they are known as"));
        } else {
            person.name = text("name", form.name(), 160, errors);
        }
        person.aliases = text("aliases", form.aliases(), 500, errors);
        person.dateOfBirth = dateOfBirth(form.dateOfBirth(), errors);
        person.address = text("address", form.address(), 500, errors);
        person.description = text("description", form.description(), 2000, errors);
        person.notes = text("notes", form.notes(), CaseService.MAX_TEXT, errors);
        person.ageBand = choice("ageBand", form.ageBand(), AgeBand.class, errors);
        person.sex = choice("sex", form.sex(), Sex.class, errors);
        person.ethnicity = choice("ethnicity", form.ethnicity(), Ethnicity.class, errors);
        person.disability = choice("disability", form.disability(), Disability.class, errors);
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        person.createdBy = staff.username();
        person.createdAt = calendar.now();
        person.persist();
        Perpetrator.flush();
        linkTo(item, person.id);
        cases.event(item.report, "PERPETRATOR_ADDED", false, "Perpetrator record " + person.id + " added by "
                + staff.account().displayName);
        audit.record(staff.username(), "ADD_PERPETRATOR", item.report.reference, "perpetrator " + person.id);
        return cases.saved(item);
    }

    /** Links a perpetrator already known from another case in the officer's queues. */
    @Transactional
    public CaseView link(String reference, Long perpetratorId) {
        QueueItem item = cases.workableItem(reference, LockModeType.PESSIMISTIC_WRITE);
        if (perpetratorId == null || !visible(perpetratorId)) {
            throw new InvalidSubmissionException("perpetratorId", "Choose a person from the search: no such person among yours");
        }
        if (CasePerpetrator.exists(item.report.id, perpetratorId)) {
            throw new InvalidSubmissionException("perpetratorId", "This person is already linked to this case");
        }
        linkTo(item, perpetratorId);
        cases.event(item.report, "PERPETRATOR_LINKED", false, "Perpetrator record " + perpetratorId + " linked by "
                + staff.account().displayName);
        audit.record(staff.username(), "LINK_PERPETRATOR", item.report.reference, "perpetrator " + perpetratorId);
        return cases.saved(item);
    }

    /** Removes a perpetrator from this case; the record stays with their other cases. */
    @Transactional
    public CaseView unlink(String reference, long perpetratorId) {
        QueueItem item = cases.workableItem(reference, LockModeType.PESSIMISTIC_WRITE);
        long removed = CasePerpetrator.delete("reportId = ?1 and perpetratorId = ?2", item.report.id, perpetratorId);
        if (removed == 0) {
            throw new jakarta.ws.rs.NotFoundException("No such perpetrator on this case");
        }
        cases.event(item.report, "PERPETRATOR_UNLINKED", false, "Perpetrator record " + perpetratorId + " unlinked by "
                + staff.account().displayName);
        audit.record(staff.username(), "UNLINK_PERPETRATOR", item.report.reference, "perpetrator " + perpetratorId);
        return cases.saved(item);
    }

    /**
     * Perpetrators whose name or aliases contain {@code name}, among those linked to a case in the
     * officer's queues (every case for admins). The search term itself is never audited.
     */
    @Transactional
    public List<PerpetratorMatch> search(String reference, String name) {
        QueueItem item = cases.workableItem(reference);
        String term = name == null ? "" : name.strip();
        if (term.length() < 2) {
            throw new InvalidSubmissionException("name", "Enter at least 2 letters of the name to search for");
        }
        if (term.length() > 160) {
            throw new InvalidSubmissionException("name", "Must be 160 characters or fewer");
        }
        String like = "%" + term.toLowerCase(Locale.UK).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        StringBuilder query = new StringBuilder("select distinct p from Perpetrator p, CasePerpetrator l, QueueItem i "
                + "where l.perpetratorId = p.id and i.report.id = l.reportId "
                + "and (lower(p.name) like :term or lower(coalesce(p.aliases, '')) like :term)");
        Parameters params = Parameters.with("term", like);
        // A restricted case's people are its details: found only through cases the officer's agency may see.
        query.append(" and l.reportId not in :hidden");
        params.and("hidden", CaseAccess.notIn(access.hiddenReportIds()));
        if (!staff.hasRole(Role.ADMIN)) {
            query.append(" and i.queue.id in :queues");
            params.and("queues", staff.account().queueIds.isEmpty() ? List.of(-1L) : staff.account().queueIds);
        }
        query.append(" order by p.name, p.id");
        List<Perpetrator> found = Perpetrator.<Perpetrator>find(query.toString(), params).page(0, MAX_MATCHES).list();
        audit.record(staff.username(), "SEARCH_PERPETRATORS", item.report.reference, found.size() + " found");
        return found.stream()
                .map(p -> new PerpetratorMatch(p.id, p.name, p.aliases, p.dateOfBirth, p.ageBand == null ? null : p.ageBand.name(),
                        CasePerpetrator.exists(item.report.id, p.id)))
                .toList();
    }

    private boolean visible(Long perpetratorId) {
        List<Long> hidden = CaseAccess.notIn(access.hiddenReportIds());
        if (staff.hasRole(Role.ADMIN)) {
            return Perpetrator.count("id", perpetratorId) > 0
                    && (CasePerpetrator.count("perpetratorId = ?1", perpetratorId) == 0
                            || CasePerpetrator.count("perpetratorId = ?1 and reportId not in ?2", perpetratorId, hidden) > 0);
        }
        if (staff.account().queueIds.isEmpty()) {
            return false;
        }
        return CasePerpetrator.find("select l from CasePerpetrator l, QueueItem i where i.report.id = l.reportId "
                + "and l.perpetratorId = ?1 and i.queue.id in ?2 and l.reportId not in ?3", perpetratorId,
                        staff.account().queueIds, hidden)
                .firstResultOptional().isPresent();
    }

    private void linkTo(QueueItem item, Long perpetratorId) {
        CasePerpetrator link = new CasePerpetrator();
        link.reportId = item.report.id;
        link.perpetratorId = perpetratorId;
        link.linkedBy = staff.username();
        link.linkedAt = calendar.now();
        link.persist();
    }

    private LocalDate dateOfBirth(String value, List<FieldError> errors) {
        LocalDate date = DateInput.optional(DateInput.joined(value, "the date of birth"), "dateOfBirth", errors);
        if (date != null && (date.isAfter(calendar.today()) || date.getYear() < 1900)) {
            errors.add(new FieldError("dateOfBirth", "The date of birth must be in the past"));
            return null;
        }
        return date;
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "Choose an answer from the list, or leave it out"));
            return null;
        }
    }

    private static String text(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, String.format("Must be %,d characters or fewer", max)));
            return null;
        }
        return value.strip();
    }
}
