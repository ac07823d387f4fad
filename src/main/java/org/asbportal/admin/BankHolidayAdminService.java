package org.asbportal.admin;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.web.BankHoliday;
import org.asbportal.web.BankHolidayDivision;
import org.asbportal.web.BankHolidays;
import org.asbportal.web.Calendar;
import org.asbportal.web.DateInput;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.ReferenceData;

/**
 * The bank holidays of each division, which are not working days for any deadline when the division
 * is the partnership's: administrators list them by year, add one, remove one, and import GOV.UK's
 * {@code bank-holidays.json}. Every change is audited and reaches every replica's calendar
 * ({@link ReferenceData}, kind {@link BankHolidays#BANK_HOLIDAYS}).
 */
@ApplicationScoped
public class BankHolidayAdminService {

    /** One bank holiday as the list shows it. */
    public record HolidayRow(long id, BankHolidayDivision division, LocalDate date, String title, String notes) {
    }

    /** A year's bank holidays of one division, in date order. */
    public record Year(int year, List<HolidayRow> holidays) {
    }

    /**
     * The list page: the division shown, whether it is the one the portal counts, its years, and the
     * years from this one to next whose bank holidays are not known yet.
     */
    public record Listing(BankHolidayDivision division, boolean counted, BankHolidayDivision countedDivision,
            List<DivisionLink> divisions, List<Year> years, List<Integer> unknownYears, List<LocalDate> furtherHolidays) {
    }

    /** A link to a division's list: whether it is the one shown and whether it is the one the portal counts. */
    public record DivisionLink(String code, String label, boolean current, boolean counted) {
    }

    /** A choice of division in the form (the shared radios tag reads value, label and hint). */
    public record DivisionOption(String value, String label, String hint) {
    }

    /** What an import did: bank holidays added, already known as they are, and known under another name (renamed). */
    public record ImportResult(int added, int known, int renamed, Map<String, Integer> addedByDivision) {
    }

    static final String FILE_FIELD = "holidaysFile";
    private static final int MAX_EVENTS = 5000;
    private static final int MAX_ERRORS_SHOWN = 10;
    private static final int TITLE_MAX = 120;
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final AuditLog audit;
    private final CurrentStaff staff;
    private final ReferenceData reference;
    private final Calendar calendar;
    private final ObjectMapper json;

    public BankHolidayAdminService(AuditLog audit, CurrentStaff staff, ReferenceData reference, Calendar calendar, ObjectMapper json) {
        this.audit = audit;
        this.staff = staff;
        this.reference = reference;
        this.calendar = calendar;
        this.json = json;
    }

    /** The division in a page address, the partnership's own when none is given, or a 404. */
    public BankHolidayDivision division(String code) {
        if (code == null || code.isBlank()) {
            return calendar.division();
        }
        return BankHolidayDivision.ofCode(code.strip()).orElseThrow(() -> new NotFoundException("No bank holidays for this division"));
    }

    public List<DivisionOption> divisionOptions() {
        return List.of(BankHolidayDivision.values()).stream().map(d -> new DivisionOption(d.code(), d.label(),
                d == calendar.division() ? "The division the portal counts working days by" : null)).toList();
    }

    @Transactional
    public Listing list(BankHolidayDivision division) {
        Map<Integer, List<HolidayRow>> byYear = new TreeMap<>();
        for (BankHoliday holiday : BankHoliday.listIn(division)) {
            byYear.computeIfAbsent(holiday.date.getYear(), y -> new ArrayList<>()).add(row(holiday));
        }
        int thisYear = calendar.today().getYear();
        List<Integer> unknown = List.of(thisYear, thisYear + 1).stream().filter(y -> !byYear.containsKey(y)).toList();
        List<Year> years = byYear.entrySet().stream().map(e -> new Year(e.getKey(), List.copyOf(e.getValue()))).toList();
        List<DivisionLink> links = List.of(BankHolidayDivision.values()).stream()
                .map(d -> new DivisionLink(d.code(), d.label(), d == division, d == calendar.division())).toList();
        return new Listing(division, division == calendar.division(), calendar.division(), links, years, unknown,
                calendar.furtherHolidays());
    }

    @Transactional
    public HolidayRow find(String id) {
        return row(locate(id));
    }

    @Transactional
    public HolidayRow add(BankHolidayForm form) {
        List<FieldError> errors = new ArrayList<>();
        BankHolidayDivision division = BankHolidayDivision.ofCode(Forms.trimmed(form.division)).orElse(null);
        if (division == null) {
            errors.add(new FieldError("division", "Choose whose bank holiday it is"));
        }
        LocalDate date = DateInput.required(DateInput.read(form.day, form.month, form.year, "the date of the bank holiday"),
                "date", "the date of the bank holiday", errors);
        if (date != null && (date.getYear() < 2000 || date.getYear() > 2100)) {
            errors.add(new FieldError("date", "The date of the bank holiday must be in a year from 2000 to 2100"));
            date = null;
        }
        Forms check = new Forms();
        String title = check.required("title", form.title, TITLE_MAX, "Enter the name of the bank holiday", "The name");
        errors.addAll(checkErrors(check));
        if (division != null && date != null && BankHoliday.findOn(division, date).isPresent()) {
            errors.add(new FieldError("date", "There is already a bank holiday on " + LONG_DATE.format(date) + " in "
                    + division.label()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        BankHoliday holiday = new BankHoliday();
        holiday.division = division.code();
        holiday.date = date;
        holiday.title = title;
        holiday.persist();
        Forms.flushUnique(() -> BankHoliday.flush(), "date", "There is already a bank holiday on " + LONG_DATE.format(date) + " in "
                + division.label());
        audit.record(staff.username(), "ADMIN_ADD_BANK_HOLIDAY", null,
                "Added bank holiday " + date + " (" + title + ") in " + division.code());
        reference.changed(BankHolidays.BANK_HOLIDAYS);
        return row(holiday);
    }

    @Transactional
    public HolidayRow remove(String id) {
        BankHoliday holiday = locate(id);
        HolidayRow removed = row(holiday);
        holiday.delete();
        audit.record(staff.username(), "ADMIN_REMOVE_BANK_HOLIDAY", null,
                "Removed bank holiday " + holiday.date + " (" + holiday.title + ") in " + holiday.division);
        reference.changed(BankHolidays.BANK_HOLIDAYS);
        return removed;
    }

    /**
     * Imports a file in the format of GOV.UK's {@code https://www.gov.uk/bank-holidays.json}: each
     * division's events are added, or renamed when GOV.UK now names a known day otherwise. Nothing is
     * imported unless the whole file can be read; the errors name each problem.
     */
    @Transactional
    public ImportResult importJson(String text) {
        Map<BankHolidayDivision, Map<LocalDate, Event>> events = read(text);
        int added = 0;
        int known = 0;
        int renamed = 0;
        Map<String, Integer> addedByDivision = new LinkedHashMap<>();
        List<String> addedDays = new ArrayList<>();
        for (Map.Entry<BankHolidayDivision, Map<LocalDate, Event>> division : events.entrySet()) {
            Map<LocalDate, BankHoliday> existing = new LinkedHashMap<>();
            BankHoliday.listIn(division.getKey()).forEach(h -> existing.put(h.date, h));
            int addedHere = 0;
            for (Event event : division.getValue().values()) {
                BankHoliday holiday = existing.get(event.date());
                if (holiday == null) {
                    holiday = new BankHoliday();
                    holiday.division = division.getKey().code();
                    holiday.date = event.date();
                    holiday.title = event.title();
                    holiday.notes = event.notes();
                    holiday.persist();
                    added++;
                    addedHere++;
                    addedDays.add(event.date().toString());
                } else if (holiday.title.equals(event.title()) && Objects.equals(holiday.notes, event.notes())) {
                    known++;
                } else {
                    holiday.title = event.title();
                    holiday.notes = event.notes();
                    renamed++;
                }
            }
            addedByDivision.put(division.getKey().label(), addedHere);
        }
        Forms.flushUnique(() -> BankHoliday.flush(), FILE_FIELD,
                "Another administrator changed these bank holidays at the same moment: upload the file again");
        if (added > 0 || renamed > 0) {
            audit.record(staff.username(), "ADMIN_IMPORT_BANK_HOLIDAYS", null, "Imported bank holidays: " + added + " added, "
                    + renamed + " renamed, " + known + " already known" + (addedDays.isEmpty() ? "" : "; added " + String.join(", ", addedDays)));
            reference.changed(BankHolidays.BANK_HOLIDAYS);
        }
        return new ImportResult(added, known, renamed, addedByDivision);
    }

    private record Event(LocalDate date, String title, String notes) {
    }

    /** Reads the file, or refuses it listing every problem (the first ten). */
    private Map<BankHolidayDivision, Map<LocalDate, Event>> read(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSubmissionException(FILE_FIELD, "The file is empty: choose GOV.UK's bank-holidays.json");
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidSubmissionException(FILE_FIELD, "The file is not JSON"
                    + (at == null || at.getLineNr() < 1 ? "" : " (the problem is at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": upload bank-holidays.json as GOV.UK publishes it");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSubmissionException(FILE_FIELD, "The file must be a JSON object with a member for each division, "
                    + "like GOV.UK's bank-holidays.json: {\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": [...]}}");
        }
        List<String> problems = new ArrayList<>();
        Map<BankHolidayDivision, Map<LocalDate, Event>> events = new LinkedHashMap<>();
        int count = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            BankHolidayDivision division = BankHolidayDivision.ofCode(member.getKey()).orElse(null);
            String name = quoted(member.getKey());
            if (division == null) {
                problems.add(name + " is not a division GOV.UK publishes: use england-and-wales, scotland or northern-ireland");
                continue;
            }
            JsonNode body = member.getValue();
            if (!body.isObject() || !body.path("events").isArray()) {
                problems.add(name + " must be an object with a list of events, like {\"division\": \"" + division.code()
                        + "\", \"events\": [...]}");
                continue;
            }
            JsonNode named = body.get("division");
            if (named != null && !division.code().equals(named.asText(null))) {
                problems.add(name + " names another division in its \"division\": " + quoted(named.asText("")));
            }
            Map<LocalDate, Event> days = new TreeMap<>();
            int index = 0;
            for (JsonNode event : body.get("events")) {
                index++;
                count++;
                String where = division.label() + ", event " + index;
                if (!event.isObject()) {
                    problems.add(where + ": each event must be an object with a title and a date");
                    continue;
                }
                LocalDate date = date(event.get("date"), where, problems);
                String title = text(event.get("title"), where, "title", true, problems);
                String notes = text(event.get("notes"), where, "notes", false, problems);
                if (date != null && title != null) {
                    if (days.containsKey(date)) {
                        problems.add(where + ": there are two events on " + date);
                    } else {
                        days.put(date, new Event(date, title, notes));
                    }
                }
            }
            events.put(division, days);
        }
        if (count > MAX_EVENTS) {
            problems.add(0, "The file has " + count + " events: import at most " + MAX_EVENTS + " at once");
        }
        if (events.isEmpty() && problems.isEmpty()) {
            problems.add("The file has none of the divisions GOV.UK publishes: england-and-wales, scotland or northern-ireland");
        }
        if (!problems.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            problems.stream().limit(MAX_ERRORS_SHOWN).forEach(p -> errors.add(new FieldError(FILE_FIELD, capitalised(p))));
            if (problems.size() > MAX_ERRORS_SHOWN) {
                errors.add(new FieldError(FILE_FIELD, "and " + (problems.size() - MAX_ERRORS_SHOWN) + " more problems. Nothing was imported"));
            }
            throw new InvalidSubmissionException(errors);
        }
        return events;
    }

    private static LocalDate date(JsonNode value, String where, List<String> problems) {
        if (value == null || value.isNull() || !value.isTextual() || value.asText().isBlank()) {
            problems.add(where + ": give its \"date\" as YYYY-MM-DD, like 2026-12-25");
            return null;
        }
        String text = value.asText().strip();
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                problems.add(where + ": the date " + quoted(text) + " must be in a year from 2000 to 2100");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(where + ": the date " + quoted(text) + " is not a real date as YYYY-MM-DD, like 2026-12-25");
            return null;
        }
    }

    private static String text(JsonNode value, String where, String what, boolean required, List<String> problems) {
        String text = value == null || value.isNull() || !value.isValueNode() ? null : value.asText().strip();
        if (text == null || text.isEmpty()) {
            if (required) {
                problems.add(where + ": give its \"" + what + "\", like \"Christmas Day\"");
            }
            return null;
        }
        if (text.length() > TITLE_MAX) {
            problems.add(where + ": its \"" + what + "\" must be " + TITLE_MAX + " characters or fewer");
            return null;
        }
        return text;
    }

    /** A value from the file, cut short, in quotes. */
    private static String quoted(String text) {
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }

    private static String capitalised(String text) {
        return DateInput.capitalised(text);
    }

    private static List<FieldError> checkErrors(Forms check) {
        try {
            check.check();
            return List.of();
        } catch (InvalidSubmissionException e) {
            return e.errors();
        }
    }

    private static HolidayRow row(BankHoliday holiday) {
        return new HolidayRow(holiday.id, BankHolidayDivision.ofCode(holiday.division).orElseThrow(), holiday.date, holiday.title,
                holiday.notes);
    }

    private static BankHoliday locate(String id) {
        BankHoliday holiday = BankHoliday.findById(Forms.id(id, "bank holiday"));
        if (holiday == null) {
            throw new NotFoundException("No bank holiday with this address");
        }
        return holiday;
    }
}
