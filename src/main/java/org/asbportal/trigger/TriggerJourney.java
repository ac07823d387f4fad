package org.asbportal.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asbportal.security.AccessCodes;
import org.asbportal.trigger.ApplicationRequest.Applicant;
import org.asbportal.trigger.ApplicationRequest.OnBehalfOf;
import org.asbportal.trigger.TriggerDraft.OtherComplaint;
import org.asbportal.web.DateInput;
import org.asbportal.web.FieldError;
import org.asbportal.web.journey.Journey;
import org.asbportal.web.journey.Page;
import org.asbportal.web.journey.Repeat;

/**
 * The Community Trigger application, declared for the journey engine: its pages in order with the
 * answers each takes and when it is asked, the repeated report references and complaints, where each
 * of the service's fields is asked, and how the answers become an {@link ApplicationRequest}.
 * Validation is the service's ({@link TriggerService#validate}): each page shows the errors of its
 * own questions.
 */
@ApplicationScoped
public class TriggerJourney implements Journey<TriggerDraft> {

    /** Entries a page lists at most: report references, complaints to other agencies. */
    public static final int MAX_ENTRIES = 10;

    public static final String WHO = "who";
    public static final String VICTIM = "victim";
    public static final String CONTACT = "contact";
    public static final String BEHAVIOUR = "behaviour";
    public static final String REPORTS = "reports";
    public static final String COMPLAINTS = "complaints";
    public static final String HATE = "hate";
    public static final String OUTCOME = "outcome";
    public static final String CHECK = "check";

    public static final String NAME = "community-trigger";
    public static final String COOKIE = "asb-" + NAME + "-draft";

    /** The report references: inputs all named {@code reference}, each with its access code, if the applicant has it, named {@code referenceCode}. */
    static final Repeat REFERENCES = Repeat.values("reference", "references", MAX_ENTRIES).pairedWith("referenceCode", "referenceCodes");
    /** Complaints to other agencies: inputs named {@code complaint-N-agency}, {@code complaint-N-reported}... */
    static final Repeat COMPLAINT_ENTRIES = Repeat.entries("complaint", "complaints", MAX_ENTRIES, "agency",
            "reported", "reported-month", "reported-year", "behaviour", "behaviour-month", "behaviour-year");

    private static final List<Page<TriggerDraft>> PAGES = List.of(
            Page.<TriggerDraft>question(WHO, "Who is applying?").values("applying", "victimType"),
            Page.<TriggerDraft>question(VICTIM, "The person you are applying for").values("victimName", "relationship", "consent")
                    .when(TriggerDraft::onBehalf),
            Page.<TriggerDraft>question(CONTACT, "Your contact details").values("name", "email", "phone"),
            Page.<TriggerDraft>question(BEHAVIOUR, "The anti-social behaviour and its effect").texts("description", "impact"),
            Page.<TriggerDraft>question(REPORTS, "Reports made on this website").repeating(REFERENCES),
            Page.<TriggerDraft>question(COMPLAINTS, "Complaints made to other agencies").repeating(COMPLAINT_ENTRIES),
            Page.<TriggerDraft>question(HATE, "Is the behaviour aimed at the victim because of who they are?").values("hateMotivated"),
            Page.<TriggerDraft>question(OUTCOME, "What would you like to happen?").texts("outcomeWanted"),
            Page.<TriggerDraft>checkAnswers(CHECK, "Check your answers before sending your application"));

    private static final Map<String, Anchor> ANCHORS = Map.ofEntries(
            Map.entry("applying", new Anchor(WHO, "applying", 1)),
            Map.entry("applicant.type", new Anchor(WHO, "victimType", 2)),
            Map.entry("onBehalfOf", new Anchor(VICTIM, "victimName", 1)),
            Map.entry("onBehalfOf.name", new Anchor(VICTIM, "victimName", 1)),
            Map.entry("onBehalfOf.relationship", new Anchor(VICTIM, "relationship", 2)),
            Map.entry("consent", new Anchor(VICTIM, "consent", 3)),
            Map.entry("applicant", new Anchor(CONTACT, "name", 1)),
            Map.entry("applicant.name", new Anchor(CONTACT, "name", 1)),
            Map.entry("applicant.email", new Anchor(CONTACT, "email", 2)),
            Map.entry("applicant.phone", new Anchor(CONTACT, "phone", 3)),
            Map.entry("description", new Anchor(BEHAVIOUR, "description", 1)),
            Map.entry("impact", new Anchor(BEHAVIOUR, "impact", 2)),
            // No complaint at all is said where the last kind of complaint is asked.
            Map.entry("reportReferences", new Anchor(COMPLAINTS, "complaint-1-agency", 0)),
            Map.entry("otherComplaints", new Anchor(COMPLAINTS, "complaint-1-agency", 0)),
            Map.entry("hateMotivated", new Anchor(HATE, "hateMotivated", 1)),
            Map.entry("outcomeWanted", new Anchor(OUTCOME, "outcomeWanted", 1)));

    private static final Anchor ROBOT_CHECK = new Anchor(CHECK, "captcha", 1);
    private static final Pattern INDEXED = Pattern.compile("^(reportReferences|otherComplaints)\\[(\\d+)](?:\\.(\\w+))?$");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);
    private static final String YOU_COMPLAINED = "the date you complained";
    private static final String BEHAVIOUR_HAPPENED = "the date the behaviour happened";

    private final TriggerService applications;

    public TriggerJourney(TriggerService applications) {
        this.applications = applications;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String path() {
        return "/community-trigger/apply";
    }

    @Override
    public String title() {
        return "Ask for a case review (Community Trigger)";
    }

    @Override
    public String cookieName() {
        return COOKIE;
    }

    @Override
    public Class<TriggerDraft> draftType() {
        return TriggerDraft.class;
    }

    @Override
    public TriggerDraft newDraft() {
        return new TriggerDraft();
    }

    @Override
    public List<Page<TriggerDraft>> pages() {
        return PAGES;
    }

    @Override
    public String notSaved() {
        return "Sorry, we could not send your application just now. Your answers are still here: "
                + "try sending again in a few minutes. If someone is in danger, call 999.";
    }

    /** Lists {@code reference} among the report references when it is a well-formed portal reference not listed yet. */
    public void cite(TriggerDraft draft, String reference) {
        wellFormedReference(reference).filter(r -> !draft.references.contains(r))
                .filter(r -> draft.references.size() < MAX_ENTRIES).ifPresent(r -> {
                    while (draft.referenceCodes.size() < draft.references.size()) {
                        draft.referenceCodes.add(null);
                    }
                    draft.references.add(r);
                    draft.referenceCodes.add(null);
                });
    }

    /** The reference as the portal writes it, when it is one. */
    public static Optional<String> wellFormedReference(String reference) {
        if (reference == null || reference.length() > 40) {
            return Optional.empty();
        }
        String normalised = AccessCodes.normaliseReference(reference);
        return TriggerService.PORTAL_REFERENCE.matcher(normalised).matches() ? Optional.of(normalised) : Optional.empty();
    }

    /** Every problem with the answers: the form's own, then the service's. */
    @Override
    public List<FieldError> validate(TriggerDraft draft) {
        List<FieldError> errors = new ArrayList<>(formErrors(draft));
        applications.validate(toRequest(draft, null)).stream()
                .filter(e -> errors.stream().noneMatch(f -> f.field().equals(e.field())))
                .forEach(errors::add);
        return errors;
    }

    /** The service's request for the draft; answers that cannot be read are left empty. */
    public ApplicationRequest toRequest(TriggerDraft draft, String captchaToken) {
        Applicant applicant = new Applicant(draft.name, draft.email, draft.phone, applicantType(draft.victimType));
        boolean onBehalf = draft.onBehalf();
        List<String> references = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < draft.references.size(); i++) {
            String reference = draft.references.get(i);
            if (reference != null && !reference.isBlank()) {
                references.add(AccessCodes.normaliseReference(reference));
                codes.add(draft.referenceCode(i));
            }
        }
        List<ApplicationRequest.OtherComplaint> others = draft.complaints.stream()
                .filter(c -> !c.isBlank())
                .map(c -> new ApplicationRequest.OtherComplaint(c.agency,
                        date(c.reportedDay, c.reportedMonth, c.reportedYear, YOU_COMPLAINED).value().map(LocalDate::toString).orElse(null),
                        date(c.behaviourDay, c.behaviourMonth, c.behaviourYear, BEHAVIOUR_HAPPENED).value().map(LocalDate::toString).orElse(null)))
                .toList();
        return new ApplicationRequest(applicant,
                onBehalf ? new OnBehalfOf(draft.victimName, draft.relationship) : null,
                onBehalf ? "yes".equals(draft.consent) : null,
                draft.description, draft.impact, yesNo(draft.hateMotivated), references, codes, others,
                blankToNull(draft.outcomeWanted), captchaToken);
    }

    /** The answers as the check-your-answers page lists them. */
    public List<SummaryRow> summary(TriggerDraft draft) {
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(row("Who is applying", applyingLabel(draft.applying), WHO, "who is applying"));
        rows.add(row("The victim is", victimTypeLabel(draft.victimType), WHO, "who the victim is"));
        if (draft.onBehalf()) {
            rows.add(row("Name of the victim", draft.victimName, VICTIM, "the name of the victim"));
            rows.add(row("How you know them", draft.relationship, VICTIM, "how you know the victim"));
            rows.add(row("The victim agrees to you applying", "yes".equals(draft.consent) ? "Yes" : "No",
                    VICTIM, "whether the victim agrees"));
        }
        rows.add(row("Your name", draft.name, CONTACT, "your name"));
        rows.add(row("Email", draft.email, CONTACT, "your email address"));
        rows.add(row("Phone", draft.phone, CONTACT, "your phone number"));
        rows.add(row("What has been happening", draft.description, BEHAVIOUR, "what has been happening"));
        rows.add(row("How it is affecting the victim", draft.impact, BEHAVIOUR, "how it is affecting the victim"));
        List<String> references = new ArrayList<>();
        for (int i = 0; i < draft.references.size(); i++) {
            String reference = draft.references.get(i);
            if (reference != null && !reference.isBlank()) {
                references.add(AccessCodes.normaliseReference(reference)
                        + (draft.referenceCode(i) == null ? "" : " (with its access code)"));
            }
        }
        rows.add(row("Reports on this website", references.isEmpty() ? "None" : String.join("\n", references),
                REPORTS, "reports made on this website"));
        List<String> complaints = draft.complaints.stream().filter(c -> !c.isBlank()).map(TriggerJourney::describe).toList();
        rows.add(row("Complaints to other agencies", complaints.isEmpty() ? "None" : String.join("\n", complaints),
                COMPLAINTS, "complaints made to other agencies"));
        rows.add(row("Aimed at the victim because of who they are", yesNoLabel(draft.hateMotivated), HATE,
                "whether the behaviour is hate-motivated"));
        rows.add(row("What you would like to happen", blankToNull(draft.outcomeWanted), OUTCOME,
                "what you would like to happen"));
        return rows;
    }

    /** Errors only the web form can make: questions the request has no field for, and date parts. */
    private static List<FieldError> formErrors(TriggerDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (!"VICTIM".equals(draft.applying) && !"ON_BEHALF".equals(draft.applying)) {
            errors.add(new FieldError("applying", "Select whether you are the victim or applying for the victim"));
        }
        if (applicantType(draft.victimType) == null) {
            errors.add(new FieldError("applicant.type", "Select whether the victim is a person, a business or a community group"));
        }
        List<OtherComplaint> complaints = draft.complaints.stream().filter(c -> !c.isBlank()).toList();
        for (int i = 0; i < complaints.size(); i++) {
            OtherComplaint complaint = complaints.get(i);
            String field = "otherComplaints[" + i + "]";
            DateInput.optional(date(complaint.reportedDay, complaint.reportedMonth, complaint.reportedYear, YOU_COMPLAINED),
                    field + ".reportedOn", errors);
            DateInput.optional(date(complaint.behaviourDay, complaint.behaviourMonth, complaint.behaviourYear, BEHAVIOUR_HAPPENED),
                    field + ".behaviourOn", errors);
        }
        return errors;
    }

    private static DateInput.Reading date(String day, String month, String year, String what) {
        return DateInput.read(day, month, year, what);
    }

    private static String describe(OtherComplaint complaint) {
        return (complaint.agency == null ? "Agency not given" : complaint.agency)
                + ": complained on " + dateAsTyped(complaint.reportedDay, complaint.reportedMonth, complaint.reportedYear)
                + ", about behaviour on " + dateAsTyped(complaint.behaviourDay, complaint.behaviourMonth, complaint.behaviourYear);
    }

    private static String dateAsTyped(String day, String month, String year) {
        return date(day, month, year, YOU_COMPLAINED).value().map(DATE::format).orElseGet(() -> day == null && month == null && year == null
                ? "a date not given"
                : String.join("/", day == null ? "?" : day, month == null ? "?" : month, year == null ? "?" : year));
    }

    static String applyingLabel(String applying) {
        if ("VICTIM".equals(applying)) {
            return "The victim";
        }
        return "ON_BEHALF".equals(applying) ? "Someone applying for the victim" : null;
    }

    static String victimTypeLabel(String type) {
        ApplicantType applicantType = applicantType(type);
        if (applicantType == null) {
            return null;
        }
        return switch (applicantType) {
            case PERSON -> "A person";
            case BUSINESS -> "A business";
            case COMMUNITY_GROUP -> "A community group";
        };
    }

    private static String yesNoLabel(String value) {
        if ("yes".equals(value)) {
            return "Yes";
        }
        return "no".equals(value) ? "No" : null;
    }

    private static ApplicantType applicantType(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ApplicantType.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Boolean yesNo(String value) {
        if ("yes".equals(value)) {
            return Boolean.TRUE;
        }
        return "no".equals(value) ? Boolean.FALSE : null;
    }

    @Override
    public Anchor anchor(String field) {
        Anchor anchor = ANCHORS.get(field);
        if (anchor != null) {
            return anchor;
        }
        Matcher indexed = INDEXED.matcher(field);
        if (!indexed.matches()) {
            return ROBOT_CHECK;
        }
        int number = Integer.parseInt(indexed.group(2)) + 1;
        if (indexed.group(1).equals("reportReferences")) {
            return new Anchor(REPORTS, "reference-" + number, number);
        }
        String part = indexed.group(3) == null ? "agency" : indexed.group(3);
        return switch (part) {
            case "reportedOn" -> new Anchor(COMPLAINTS, "complaint-" + number + "-reported", number * 10 + 2);
            case "behaviourOn" -> new Anchor(COMPLAINTS, "complaint-" + number + "-behaviour", number * 10 + 3);
            default -> new Anchor(COMPLAINTS, "complaint-" + number + "-agency", number * 10 + 1);
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
