package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.asbportal.category.CategoryRef;
import org.asbportal.category.CategoryService;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.ward.WardRef;
import org.asbportal.ward.WardService;
import org.asbportal.web.Calendar;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;

/**
 * Targets per kind of behaviour (and optionally per ward), and how they are met: what is due against
 * each now, and the share of cases closed within the target in each of the last twelve months. A case
 * is measured in the month its target time falls in, once that time has passed; cases closed as
 * duplicates of another are not measured, as the other case is.
 */
@ApplicationScoped
public class ServiceTargets {

    static final int MONTHS = 12;
    static final int MAX_DESCRIPTION = 200;
    static final int MAX_HOURS = 8760;
    /** Cases due within this long are shown as due soon. */
    static final Duration SOON = Duration.ofHours(24);
    static final int DUE_LISTED = 50;

    /** A target as typed by an administrator. */
    public record TargetForm(String category, String ward, String hours, String description) {
    }

    /** A target as listed: what kind, where, within how long. */
    public record TargetView(long id, String categoryCode, String category, String wardCode, String ward, int hours,
            String description) {
    }

    /** One month of a target: cases measured, and how many of them were closed in time. */
    public record MonthShare(String month, int measured, int met) {

        /** The share met as a whole percentage, or null when nothing was measured. */
        public Integer percent() {
            return measured == 0 ? null : Math.round(100f * met / measured);
        }
    }

    /** An open case measured against a target, with when it is due. */
    public record DueCase(String reference, String queue, Instant dueAt, boolean overdue, boolean mine) {
    }

    /** A target with its open cases (overdue, then due soon) and its last twelve months. */
    public record TargetPerformance(TargetView target, int overdue, int dueSoon, List<DueCase> due, List<MonthShare> months) {
    }

    private final EntityManager em;
    private final CategoryService categories;
    private final WardService wards;
    private final Calendar calendar;
    private final CurrentStaff staff;
    private final AuditLog audit;

    public ServiceTargets(EntityManager em, CategoryService categories, WardService wards, Calendar calendar,
            CurrentStaff staff, AuditLog audit) {
        this.em = em;
        this.categories = categories;
        this.wards = wards;
        this.calendar = calendar;
        this.staff = staff;
        this.audit = audit;
    }

    /** The targets in force. */
    @Transactional
    public List<TargetView> active() {
        return ServiceTarget.listActive().stream().map(this::view).toList();
    }

    /** One target in force, or empty. */
    @Transactional
    public Optional<TargetView> find(long id) {
        return ServiceTarget.<ServiceTarget>findByIdOptional(id).filter(t -> t.active).map(this::view);
    }

    /** Adds a target, checked, and audits it. */
    @Transactional
    public TargetView add(TargetForm form) {
        List<FieldError> errors = new ArrayList<>();
        String category = form.category() == null ? "" : form.category().strip();
        if (category.isEmpty()) {
            errors.add(new FieldError("category", "Choose the kind of behaviour the target is for"));
        } else if (categories.all().stream().noneMatch(c -> c.code().equals(category))) {
            errors.add(new FieldError("category", "Choose a kind of behaviour from the list"));
        }
        String ward = form.ward() == null || form.ward().isBlank() ? null : form.ward().strip();
        if (ward != null && wards.find(ward).isEmpty()) {
            errors.add(new FieldError("ward", "Choose a ward from the list, or the whole area"));
        }
        Integer hours = null;
        String typedHours = form.hours() == null ? "" : form.hours().strip();
        if (typedHours.isEmpty()) {
            errors.add(new FieldError("hours", "Enter the number of hours the target allows"));
        } else {
            try {
                hours = Integer.valueOf(typedHours);
                if (hours < 1 || hours > MAX_HOURS) {
                    errors.add(new FieldError("hours", "Enter a number of hours from 1 to 8,760 (a year)"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("hours", "Enter the number of hours as a whole number, like 24"));
            }
        }
        String description = form.description() == null ? "" : form.description().strip();
        if (description.isEmpty()) {
            errors.add(new FieldError("description", "Say what the target promises, like \u201cGraffiti removed within 24 hours\u201d"));
        } else if (description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "The description must be 200 characters or fewer"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        ServiceTarget target = new ServiceTarget();
        target.categoryCode = category;
        target.wardCode = ward;
        target.hours = hours;
        target.description = description;
        target.active = true;
        target.createdBy = staff.username();
        target.createdAt = calendar.now();
        target.persist();
        audit.record(staff.username(), "ADD_TARGET", null, target.id + " " + category + (ward == null ? "" : " " + ward)
                + " " + hours + "h");
        return view(target);
    }

    /** Retires a target: it is measured no more, and its past months are no longer shown. */
    @Transactional
    public TargetView retire(long id) {
        ServiceTarget target = ServiceTarget.<ServiceTarget>findByIdOptional(id).filter(t -> t.active)
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("No such target"));
        target.active = false;
        target.retiredBy = staff.username();
        target.retiredAt = calendar.now();
        audit.record(staff.username(), "RETIRE_TARGET", null, String.valueOf(target.id));
        return view(target);
    }

    /** Every target in force with what is due now and the share met in each of the last twelve months. */
    @Transactional
    public List<TargetPerformance> performance() {
        Instant now = calendar.now();
        ZoneId zone = calendar.zone();
        YearMonth thisMonth = YearMonth.from(now.atZone(zone));
        YearMonth first = thisMonth.minusMonths(MONTHS - 1);
        List<TargetPerformance> result = new ArrayList<>();
        for (ServiceTarget target : ServiceTarget.listActive()) {
            Duration allowed = Duration.ofHours(target.hours);
            Instant since = first.atDay(1).atStartOfDay(zone).toInstant().minus(allowed);
            Map<YearMonth, int[]> months = new LinkedHashMap<>();
            for (YearMonth m = first; !m.isAfter(thisMonth); m = m.plusMonths(1)) {
                months.put(m, new int[2]);
            }
            List<DueCase> due = new ArrayList<>();
            int overdue = 0;
            int soon = 0;
            for (Object[] row : cases(target, since)) {
                Instant received = (Instant) row[0];
                Instant closed = (Instant) row[1];
                Instant dueAt = received.plus(allowed);
                if (closed == null) {
                    boolean late = dueAt.isBefore(now);
                    if (late || dueAt.isBefore(now.plus(SOON))) {
                        if (late) {
                            overdue++;
                        } else {
                            soon++;
                        }
                        long queueId = ((Number) row[3]).longValue();
                        if (due.size() < DUE_LISTED && staff.mayWork(queueId)) {
                            due.add(new DueCase((String) row[2], (String) row[4], dueAt, late,
                                    staff.username().equals(row[5])));
                        }
                    }
                }
                if (dueAt.isAfter(now) && closed == null) {
                    continue;
                }
                int[] month = months.get(YearMonth.from(dueAt.atZone(zone)));
                if (month != null) {
                    month[0]++;
                    if (closed != null && !closed.isAfter(dueAt)) {
                        month[1]++;
                    }
                }
            }
            due.sort((a, b) -> a.dueAt().compareTo(b.dueAt()));
            List<MonthShare> shares = new ArrayList<>();
            months.forEach((m, counts) -> shares.add(new MonthShare(m.toString(), counts[0], counts[1])));
            result.add(new TargetPerformance(view(target), overdue, soon, due, shares));
        }
        return result;
    }

    /** The cases a target measures received since {@code since}: received, closed, reference, queue, its name, assignee. */
    private List<Object[]> cases(ServiceTarget target, Instant since) {
        String jpql = "select i.createdAt, i.closedAt, r.reference, q.id, q.name, a.username from QueueItem i "
                + "join i.report r join i.queue q left join i.assignedTo a "
                + "where i.categoryCode = :category and i.createdAt >= :since "
                + "and (i.outcome is null or i.outcome <> :duplicate)"
                + (target.wardCode == null ? "" : " and i.wardCode = :ward") + " order by i.createdAt";
        var query = em.createQuery(jpql, Object[].class)
                .setParameter("category", target.categoryCode)
                .setParameter("since", since)
                .setParameter("duplicate", Outcome.DUPLICATE);
        if (target.wardCode != null) {
            query.setParameter("ward", target.wardCode);
        }
        return query.getResultList();
    }

    private TargetView view(ServiceTarget target) {
        String category = categories.all().stream().filter(c -> c.code().equals(target.categoryCode))
                .map(CategoryRef::name).findFirst().orElse(target.categoryCode);
        String ward = target.wardCode == null ? "The whole area"
                : wards.find(target.wardCode).map(WardRef::name).orElse(target.wardCode);
        return new TargetView(target.id, target.categoryCode, category, target.wardCode, ward, target.hours, target.description);
    }
}
