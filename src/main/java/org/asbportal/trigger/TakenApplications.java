package org.asbportal.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.asbportal.report.Channel;
import org.asbportal.security.CurrentStaff;
import org.asbportal.trigger.ApplicationRequest.Applicant;
import org.asbportal.trigger.ApplicationRequest.OnBehalfOf;
import org.asbportal.trigger.ApplicationRequest.OtherComplaint;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;
import org.asbportal.web.SiteConfig;

/**
 * Applications that do not come online: a coordinator takes one down by phone, on paper or in person
 * and enters it for the applicant. The answers become the same {@link ApplicationRequest} the online
 * journey and the JSON API send, so the same validation, threshold rules and timetable apply; the
 * application records how it came and who entered it, and the entry is audited.
 */
@ApplicationScoped
public class TakenApplications {

    /** How many complaints to other agencies the one-page form offers. */
    static final int COMPLAINT_ROWS = 2;

    /** A radio or checkbox choice. */
    public record Choice(String value, String label, String hint) {
    }

    public static final List<Choice> CHANNELS = List.of(new Choice("PHONE", "By phone", null),
            new Choice("PAPER", "On a paper form", null), new Choice("IN_PERSON", "In person", null));

    public static final List<Choice> TYPES = List.of(new Choice("PERSON", "A person", null),
            new Choice("BUSINESS", "A business", null), new Choice("COMMUNITY_GROUP", "A community group", null));

    public static final List<Choice> YES_NO = List.of(new Choice("yes", "Yes", null), new Choice("no", "No", null));

    /** One complaint to another agency as typed: the agency and two dates in day, month and year boxes. */
    public record ComplaintRow(String agency, String behaviourDay, String behaviourMonth, String behaviourYear,
            String reportedDay, String reportedMonth, String reportedYear) {

        boolean blank() {
            return Arrays.stream(new String[] {agency, behaviourDay, behaviourMonth, behaviourYear, reportedDay, reportedMonth,
                    reportedYear}).allMatch(v -> v == null || v.isBlank());
        }
    }

    /** The form as typed, field names as the page's inputs. */
    public record TakenForm(String idempotencyKey, String channel, String name, String email, String phone, String type,
            String onBehalf, String onBehalfName, String relationship, boolean consent, String description, String impact,
            String hateMotivated, String reportReferences, List<ComplaintRow> complaints, String outcomeWanted) {

        static TakenForm empty(String idempotencyKey) {
            List<ComplaintRow> rows = new ArrayList<>();
            for (int i = 0; i < COMPLAINT_ROWS; i++) {
                rows.add(new ComplaintRow("", "", "", "", "", "", ""));
            }
            return new TakenForm(idempotencyKey, null, "", "", "", null, null, "", "", false, "", "", null, "", rows, "");
        }

        static TakenForm of(MultivaluedMap<String, String> fields) {
            List<ComplaintRow> rows = new ArrayList<>();
            for (int i = 0; i < COMPLAINT_ROWS; i++) {
                String p = "otherComplaints-" + i + "-";
                rows.add(new ComplaintRow(fields.getFirst(p + "agency"), fields.getFirst(p + "behaviourOn-day"),
                        fields.getFirst(p + "behaviourOn-month"), fields.getFirst(p + "behaviourOn-year"),
                        fields.getFirst(p + "reportedOn-day"), fields.getFirst(p + "reportedOn-month"),
                        fields.getFirst(p + "reportedOn-year")));
            }
            return new TakenForm(fields.getFirst("idempotencyKey"), fields.getFirst("channel"), fields.getFirst("applicant-name"),
                    fields.getFirst("applicant-email"), fields.getFirst("applicant-phone"), fields.getFirst("applicant-type"),
                    fields.getFirst("onBehalf"), fields.getFirst("onBehalfOf-name"), fields.getFirst("onBehalfOf-relationship"),
                    "yes".equals(fields.getFirst("consent")), fields.getFirst("description"), fields.getFirst("impact"),
                    fields.getFirst("hateMotivated"), fields.getFirst("reportReferences"), rows, fields.getFirst("outcomeWanted"));
        }

        public List<Choice> channels() {
            return CHANNELS;
        }

        public List<Choice> types() {
            return TYPES;
        }

        public List<Choice> yesNo() {
            return YES_NO;
        }
    }

    /** What the coordinator is shown once the application is saved, with the letter to give or post. */
    public record Taken(ApplicationResponse application, String name, String email, String how, String partnershipName,
            String trackUrl, LocalDate today) {
    }

    private final TriggerService applications;
    private final CurrentStaff staff;
    private final SiteConfig site;
    private final org.asbportal.web.Calendar calendar;

    public TakenApplications(TriggerService applications, CurrentStaff staff, SiteConfig site,
            org.asbportal.web.Calendar calendar) {
        this.applications = applications;
        this.staff = staff;
        this.site = site;
        this.calendar = calendar;
    }

    /** Saves the application taken down, or throws with every problem (fields named as the page's inputs). */
    public Taken submit(TakenForm form) {
        Channel channel = channel(form.channel());
        ApplicationRequest request = request(form);
        List<FieldError> errors = new ArrayList<>();
        if (channel == null) {
            errors.add(new FieldError("channel", "Select how the application was made"));
        }
        if (form.idempotencyKey() == null || form.idempotencyKey().isBlank() || form.idempotencyKey().length() > 64) {
            errors.add(new FieldError("channel", "The form has expired: open a new application form"));
        }
        if (form.onBehalf() == null) {
            errors.add(new FieldError("onBehalf", "Select yes if they are applying for someone else"));
        }
        if (form.hateMotivated() == null) {
            errors.add(new FieldError("hateMotivated", "Select yes if they think the behaviour is aimed at them because of "
                    + "who they are"));
        }
        errors.addAll(applications.validate(request));
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        ApplicationResponse saved = applications.submitTakenByStaff(request, channel, staff.username(),
                "taken-" + form.idempotencyKey());
        return new Taken(saved, request.applicant().name().strip(), blank(form.email()) ? null : form.email().strip(),
                TriggerService.TAKEN.get(channel), site.partnershipName(), site.baseUrl() + "/track", calendar.today());
    }

    /** The problems, each linked to the input it is about. */
    public PageErrors pageErrors(InvalidSubmissionException e) {
        return new PageErrors(e.errors().stream().map(f -> new PageErrors.PageError(inputOf(f.field()), message(f.message())))
                .toList());
    }

    /** An ApplicationRequest field path as the page's input: {@code otherComplaints[0].reportedOn} is {@code otherComplaints-0-reportedOn-day}. */
    static String inputOf(String field) {
        String id = field.replace("[", "-").replace("].", "-").replace("]", "").replace(".", "-");
        if (id.endsWith("reportedOn") || id.endsWith("behaviourOn")) {
            return id + "-day";
        }
        return Map.of("reportReferences-0", "reportReferences", "reportReferences-1", "reportReferences",
                "reportAccessCodes", "reportReferences", "otherComplaints", "otherComplaints-0-agency").getOrDefault(id,
                id.startsWith("reportReferences") ? "reportReferences" : id);
    }

    /** The applicant's questions speak to "you": the coordinator reads them about the applicant. */
    private static String message(String message) {
        return message.replace("Enter your name", "Enter the applicant's name")
                .replace("so we can contact you", "so we can contact the applicant")
                .replaceAll(" as year-month-day, like \\d{4}-\\d{2}-\\d{2}", " as a real date, like 27 3 2026");
    }

    private static ApplicationRequest request(TakenForm form) {
        Applicant applicant = new Applicant(trim(form.name()), trim(form.email()), trim(form.phone()), type(form.type()));
        OnBehalfOf onBehalfOf = "yes".equals(form.onBehalf())
                ? new OnBehalfOf(trim(form.onBehalfName()), trim(form.relationship())) : null;
        List<String> references = form.reportReferences() == null ? List.of()
                : form.reportReferences().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<OtherComplaint> complaints = new ArrayList<>();
        for (ComplaintRow row : form.complaints()) {
            if (!row.blank()) {
                complaints.add(new OtherComplaint(trim(row.agency()), iso(row.reportedYear(), row.reportedMonth(), row.reportedDay()),
                        iso(row.behaviourYear(), row.behaviourMonth(), row.behaviourDay())));
            }
        }
        Boolean hate = form.hateMotivated() == null ? Boolean.FALSE : "yes".equals(form.hateMotivated());
        return new ApplicationRequest(applicant, onBehalfOf, onBehalfOf == null ? null : form.consent(), trim(form.description()),
                trim(form.impact()), hate, references, List.of(), complaints, trim(form.outcomeWanted()), null);
    }

    /** Three boxes as an ISO date when they are numbers ("2026-03-05"), as typed otherwise so the problem is reported. */
    private static String iso(String year, String month, String day) {
        String y = trim(year);
        String m = trim(month);
        String d = trim(day);
        if (y == null && m == null && d == null) {
            return null;
        }
        if (y != null && m != null && d != null && y.matches("\\d{4}") && m.matches("\\d{1,2}") && d.matches("\\d{1,2}")) {
            return y + "-" + (m.length() == 1 ? "0" + m : m) + "-" + (d.length() == 1 ? "0" + d : d);
        }
        return (y == null ? "" : y) + "-" + (m == null ? "" : m) + "-" + (d == null ? "" : d);
    }

    private static ApplicantType type(String value) {
        try {
            return value == null ? null : ApplicantType.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Channel channel(String value) {
        try {
            Channel channel = value == null ? null : Channel.valueOf(value);
            return channel != null && channel.takenByStaff() ? channel : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
