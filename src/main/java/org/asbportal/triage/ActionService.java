package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.asbportal.web.DateInput;
import org.asbportal.web.Calendar;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.StaffAccount;
import org.asbportal.triage.CaseViews.ActionView;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.TimeInput;

/**
 * Actions on a case: what was decided (a warning, a contract, a referral...), who owns it, when it
 * is due, and its result. Each addition and result is written to the case's internal history and
 * the audit log; victims do not see them.
 */
@ApplicationScoped
public class ActionService {

    static final int MAX_OWNER = 160;
    static final int MAX_WHERE = 500;

    /** The longest a dispersal direction may last (Anti-social Behaviour, Crime and Policing Act 2014, section 35). */
    static final Duration DISPERSAL_AT_MOST = Duration.ofHours(48);

    /** The longest a Public Spaces Protection Order may have effect before it is extended (section 60). */
    static final Period PSPO_AT_MOST = Period.ofYears(3);

    /**
     * A new action as typed: every field as text, checked here. Where and when it applies (dates as
     * {@code year-month-day}, times as typed) are asked of PSPO enforcement and dispersal directions only.
     */
    public record ActionForm(String type, String description, String owner, String dueOn, String appliesWhere,
            String fromDate, String fromTime, String untilDate, String untilTime) {

        public ActionForm(String type, String description, String owner, String dueOn) {
            this(type, description, owner, dueOn, null, null, null, null, null);
        }
    }

    /** The result of an action: DONE or CANCELLED, what happened, and the version of the action seen. */
    public record ResultForm(String status, String result, Integer version) {
    }

    private final CaseService cases;
    private final CurrentStaff staff;
    private final AuditLog audit;
    private final Calendar calendar;

    public ActionService(CaseService cases, CurrentStaff staff, AuditLog audit, Calendar calendar) {
        this.cases = cases;
        this.staff = staff;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** Adds an action to an open case. */
    @Transactional
    public ActionView add(String reference, ActionForm form) {
        QueueItem item = openItem(reference);
        List<FieldError> errors = new ArrayList<>();
        ActionType type = typeOf(form.type(), errors);
        String description = text("description", form.description(), "Describe the action", CaseService.MAX_TEXT, errors);
        String owner = text("owner", form.owner(), "Say who owns the action: an officer's username, or the agency or person",
                MAX_OWNER, errors);
        LocalDate dueOn = dueDate(form.dueOn(), errors);
        Applies applies = type != null && type.placed() ? applies(type, form, errors) : null;
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        CaseAction action = new CaseAction();
        action.report = item.report;
        action.type = type;
        action.description = description;
        Optional<StaffAccount> officer = StaffAccount.findByUsername(owner).filter(a -> a.active);
        action.ownerAccount = officer.orElse(null);
        action.ownerName = officer.map(a -> a.displayName).orElse(owner);
        action.dueOn = dueOn;
        action.status = ActionStatus.OPEN;
        action.recordedBy = staff.username();
        action.recordedAt = calendar.now();
        if (applies != null) {
            action.appliesWhere = applies.where();
            action.appliesFrom = applies.from();
            action.appliesUntil = applies.until();
        }
        action.persist();
        cases.event(item.report, "ACTION_ADDED", false, "Action added: " + type.label() + ", owned by " + action.ownerName
                + ", due " + dueOn + (applies == null ? "" : ", applying at " + applies.where() + " from "
                + applies.fromTyped() + " until " + applies.untilTyped()) + ". " + description);
        audit.record(staff.username(), "ADD_ACTION", item.report.reference, type.name());
        CaseAction.flush();
        return cases.actionView(action);
    }

    /** Records the result of an open action, against the version of the action the officer saw. */
    @Transactional
    public ActionView recordResult(String reference, long actionId, ResultForm form) {
        QueueItem item = openItem(reference);
        CaseAction action = CaseAction.<CaseAction>find("id = ?1 and report = ?2", actionId, item.report)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("No such action on this case"));
        if (form.version() == null) {
            throw new InvalidSubmissionException("version", "Send the version of the action you saw");
        }
        if (action.version != form.version()) {
            throw new CaseConflictException("Someone else changed this action while you were looking at it. "
                    + "Nothing you did was saved: check the case again and redo your change.");
        }
        if (action.status != ActionStatus.OPEN) {
            throw new CaseConflictException("This action already has its result: " + action.status.label().toLowerCase() + ".");
        }
        List<FieldError> errors = new ArrayList<>();
        ActionStatus status = resultStatusOf(form.status(), errors);
        String result = text("result", form.result(), "Say what happened", CaseService.MAX_TEXT, errors);
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        action.status = status;
        action.result = result;
        action.completedBy = staff.username();
        action.completedAt = calendar.now();
        cases.event(item.report, "ACTION_RESULT", false, action.type.label() + " " + status.label().toLowerCase()
                + ": " + result);
        audit.record(staff.username(), "ACTION_RESULT", item.report.reference, action.id + " " + status.name());
        CaseAction.flush();
        return cases.actionView(action);
    }

    private QueueItem openItem(String reference) {
        QueueItem item = cases.workableItem(reference, LockModeType.PESSIMISTIC_WRITE);
        if (item.status == QueueItemStatus.CLOSED) {
            throw new CaseConflictException("This case is closed: actions can no longer be added or changed.");
        }
        return item;
    }

    /** Where and when an action applies, as checked. */
    record Applies(String where, Instant from, Instant until, String fromTyped, String untilTyped) {
    }

    /**
     * Where and when a PSPO enforcement or dispersal direction applies: an area, and a period that has
     * not ended yet. A dispersal direction needs its times and lasts at most 48 hours; a PSPO period
     * runs from the start of its first day to the end of its last unless times are given, and lasts at
     * most three years.
     */
    private Applies applies(ActionType type, ActionForm form, List<FieldError> errors) {
        boolean dispersal = type == ActionType.DISPERSAL_DIRECTION;
        String where = text("appliesWhere", form.appliesWhere(), dispersal
                ? "Enter the area the dispersal direction covers" : "Enter the area the PSPO covers", MAX_WHERE, errors);
        LocalDateTime from = moment(form.fromDate(), form.fromTime(), "fromDate", "fromTime", "the date it applies from",
                LocalTime.MIDNIGHT, dispersal, errors);
        LocalDateTime until = moment(form.untilDate(), form.untilTime(), "untilDate", "untilTime", "the date it applies until",
                LocalTime.MAX, dispersal, errors);
        if (from == null || until == null || where == null) {
            return null;
        }
        if (!until.isAfter(from)) {
            errors.add(new FieldError("untilDate", "The end must be after the start"));
            return null;
        }
        if (dispersal && Duration.between(from, until).compareTo(DISPERSAL_AT_MOST) > 0) {
            errors.add(new FieldError("untilDate", "A dispersal direction lasts at most 48 hours: end it by "
                    + TYPED.format(from.plus(DISPERSAL_AT_MOST))));
            return null;
        }
        if (!dispersal && until.isAfter(from.plus(PSPO_AT_MOST))) {
            errors.add(new FieldError("untilDate", "A PSPO has effect for at most 3 years before it must be extended"));
            return null;
        }
        Instant end = until.atZone(calendar.zone()).toInstant();
        if (end.isBefore(calendar.now())) {
            errors.add(new FieldError("untilDate", "The end must be in the future: record a past period in the description"));
            return null;
        }
        return new Applies(where, from.atZone(calendar.zone()).toInstant(), end, TYPED.format(from), TYPED.format(until));
    }

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.UK);

    private static LocalDateTime moment(String date, String time, String dateField, String timeField, String what,
            LocalTime unstated, boolean timeNeeded, List<FieldError> errors) {
        LocalDate day = DateInput.required(DateInput.joined(date, what), dateField, what, errors);
        if (TimeInput.unreadable(time)) {
            errors.add(new FieldError(timeField, "Enter the time like 6pm or 18:00"));
            return null;
        }
        Optional<LocalTime> at = TimeInput.parse(time);
        if (at.isEmpty() && timeNeeded) {
            errors.add(new FieldError(timeField, "Enter the time, like 6pm or 18:00: a dispersal direction runs for hours"));
            return null;
        }
        return day == null ? null : day.atTime(at.orElse(unstated).truncatedTo(ChronoUnit.MINUTES));
    }

    private static ActionType typeOf(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("type", "Choose the type of action"));
            return null;
        }
        try {
            return ActionType.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("type", "Choose a type of action from the list"));
            return null;
        }
    }

    private static ActionStatus resultStatusOf(String value, List<FieldError> errors) {
        if ("DONE".equals(value)) {
            return ActionStatus.DONE;
        }
        if ("CANCELLED".equals(value)) {
            return ActionStatus.CANCELLED;
        }
        errors.add(new FieldError("status", "Say whether the action was done or cancelled"));
        return null;
    }

    private LocalDate dueDate(String value, List<FieldError> errors) {
        DateInput.Reading reading = DateInput.joined(value, "the due date");
        if (reading.blank()) {
            errors.add(new FieldError("dueOn", "Enter the date the action is due"));
            return null;
        }
        LocalDate date = DateInput.optional(reading, "dueOn", errors);
        if (date == null) {
            return null;
        }
        if (date.isBefore(calendar.today())) {
            errors.add(new FieldError("dueOn", "The due date must be today or in the future"));
            return null;
        }
        return date;
    }

    private static String text(String field, String value, String missing, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, missing));
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, String.format("Must be %,d characters or fewer", max)));
            return null;
        }
        return value.strip();
    }
}
