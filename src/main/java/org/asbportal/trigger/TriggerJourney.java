package org.asbportal.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asbportal.security.AccessCodes;
import org.asbportal.trigger.ApplicationRequest.Applicant;
import org.asbportal.trigger.ApplicationRequest.OnBehalfOf;
import org.asbportal.trigger.TriggerDraft.OtherComplaint;
import org.asbportal.web.FieldError;
import org.asbportal.web.HiddenAnswers;

/**
 * The question pages of the Community Trigger application: which answers each page takes, the order
 * of the pages, and how the answers become an {@link ApplicationRequest}. Validation is the
 * service's ({@link TriggerService#validate}): each page shows the errors of its own questions.
 */
@ApplicationScoped
public class TriggerJourney {

    /** Entries a page lists at most: report references, complaints to other agencies. */
    public static final int MAX_ENTRIES = 10;

    /** The pages, in the order they are asked. */
    public enum Step {
        WHO("who", "Who is applying?"),
        VICTIM("victim", "The person you are applying for"),
        CONTACT("contact", "Your contact details"),
        BEHAVIOUR("behaviour", "The anti-social behaviour and its effect"),
        REPORTS("reports", "Reports made on this website"),
        COMPLAINTS("complaints", "Complaints made to other agencies"),
        HATE("hate", "Is the behaviour aimed at the victim because of who they are?"),
        OUTCOME("outcome", "What would you like to happen?"),
        CHECK("check", "Check your answers before sending your application");

        private final String slug;
        private final String title;

        Step(String slug, String title) {
            this.slug = slug;
            this.title = title;
        }

        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }

        public static Optional<Step> fromSlug(String slug) {
            for (Step step : values()) {
                if (step.slug.equals(slug)) {
                    return Optional.of(step);
                }
            }
            return Optional.empty();
        }
    }

    /** An error on a page, anchored to the input it is about. */
    public record PageError(String inputId, String message) {
    }

    /** One row of the check-your-answers page. */
    public record SummaryRow(String question, String answer, Step step, String changeLabel) {
    }

    /** Where a field is asked, and its place among the page's inputs. */
    private record Anchor(Step step, String inputId, int order) {
    }

    private static final Map<String, Anchor> ANCHORS = Map.ofEntries(
            Map.entry("applying", new Anchor(Step.WHO, "applying", 1)),
            Map.entry("applicant.type", new Anchor(Step.WHO, "victimType", 2)),
            Map.entry("onBehalfOf", new Anchor(Step.VICTIM, "victimName", 1)),
            Map.entry("onBehalfOf.name", new Anchor(Step.VICTIM, "victimName", 1)),
            Map.entry("onBehalfOf.relationship", new Anchor(Step.VICTIM, "relationship", 2)),
            Map.entry("consent", new Anchor(Step.VICTIM, "consent", 3)),
            Map.entry("applicant", new Anchor(Step.CONTACT, "name", 1)),
            Map.entry("applicant.name", new Anchor(Step.CONTACT, "name", 1)),
            Map.entry("applicant.email", new Anchor(Step.CONTACT, "email", 2)),
            Map.entry("applicant.phone", new Anchor(Step.CONTACT, "phone", 3)),
            Map.entry("description", new Anchor(Step.BEHAVIOUR, "description", 1)),
            Map.entry("impact", new Anchor(Step.BEHAVIOUR, "impact", 2)),
            // No complaint at all is said where the last kind of complaint is asked.
            Map.entry("reportReferences", new Anchor(Step.COMPLAINTS, "complaint-1-agency", 0)),
            Map.entry("otherComplaints", new Anchor(Step.COMPLAINTS, "complaint-1-agency", 0)),
            Map.entry("hateMotivated", new Anchor(Step.HATE, "hateMotivated", 1)),
            Map.entry("outcomeWanted", new Anchor(Step.OUTCOME, "outcomeWanted", 1)));

    private static final Anchor ROBOT_CHECK = new Anchor(Step.CHECK, "captcha", 1);
    private static final Pattern INDEXED = Pattern.compile("^(reportReferences|otherComplaints)\\[(\\d+)](?:\\.(\\w+))?$");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);
    private static final String YOU_COMPLAINED = "the date you complained";
    private static final String BEHAVIOUR_HAPPENED = "the date the behaviour happened";

    private final HiddenAnswers hiddenAnswers;
    private final TriggerService applications;

    public TriggerJourney(HiddenAnswers hiddenAnswers, TriggerService applications) {
        this.hiddenAnswers = hiddenAnswers;
        this.applications = applications;
    }

    /** A new draft, citing the report {@code reference} when it is a well-formed portal reference. */
    public TriggerDraft newDraft(String reference) {
        TriggerDraft draft = new TriggerDraft();
        wellFormedReference(reference).ifPresent(draft.references::add);
        return draft;
    }

    /** The reference as the portal writes it, when it is one. */
    public static Optional<String> wellFormedReference(String reference) {
        if (reference == null || reference.length() > 40) {
            return Optional.empty();
        }
        String normalised = AccessCodes.normaliseReference(reference);
        return TriggerService.PORTAL_REFERENCE.matcher(normalised).matches() ? Optional.of(normalised) : Optional.empty();
    }

    /** The draft a page carried; empty when there is none or it is not one this journey wrote. */
    public Optional<TriggerDraft> decode(String encoded) {
        Optional<TriggerDraft> draft = hiddenAnswers.decode(encoded, TriggerDraft.class);
        draft.ifPresent(d -> d.tidy(MAX_ENTRIES));
        return draft.filter(d -> d.submissionId != null && !d.submissionId.isBlank() && d.submissionId.length() <= 100);
    }

    public String encode(TriggerDraft draft) {
        return hiddenAnswers.encode(draft);
    }

    /** Copies the answers a page sent into the draft. */
    public void bind(Step step, MultivaluedMap<String, String> form, TriggerDraft draft) {
        switch (step) {
            case WHO -> {
                draft.applying = value(form, "applying");
                draft.victimType = value(form, "victimType");
            }
            case VICTIM -> {
                draft.victimName = value(form, "victimName");
                draft.relationship = value(form, "relationship");
                draft.consent = value(form, "consent");
            }
            case CONTACT -> {
                draft.name = value(form, "name");
                draft.email = value(form, "email");
                draft.phone = value(form, "phone");
            }
            case BEHAVIOUR -> {
                draft.description = form.getFirst("description");
                draft.impact = form.getFirst("impact");
            }
            case REPORTS -> {
                List<String> given = form.get("reference");
                draft.references = new ArrayList<>();
                if (given != null) {
                    given.stream().filter(v -> v != null && !v.isBlank()).map(AccessCodes::normaliseReference).limit(MAX_ENTRIES)
                            .forEach(draft.references::add);
                }
            }
            case COMPLAINTS -> {
                draft.complaints = new ArrayList<>();
                for (int n = 1; n <= MAX_ENTRIES; n++) {
                    OtherComplaint complaint = new OtherComplaint();
                    String prefix = "complaint-" + n + "-";
                    complaint.agency = value(form, prefix + "agency");
                    complaint.reportedDay = value(form, prefix + "reported");
                    complaint.reportedMonth = value(form, prefix + "reported-month");
                    complaint.reportedYear = value(form, prefix + "reported-year");
                    complaint.behaviourDay = value(form, prefix + "behaviour");
                    complaint.behaviourMonth = value(form, prefix + "behaviour-month");
                    complaint.behaviourYear = value(form, prefix + "behaviour-year");
                    if (!complaint.isBlank()) {
                        draft.complaints.add(complaint);
                    }
                }
            }
            case HATE -> draft.hateMotivated = value(form, "hateMotivated");
            case OUTCOME -> draft.outcomeWanted = form.getFirst("outcomeWanted");
            case CHECK -> {
                // Nothing to bind: the robot check token is read when the application is sent.
            }
        }
    }

    /** The errors to show on a page for the answers in the draft. */
    public List<PageError> errorsFor(Step step, TriggerDraft draft) {
        return allErrors(draft).stream()
                .filter(e -> anchorOf(e.field()).step() == step)
                .map(e -> new PageError(anchorOf(e.field()).inputId(), e.message()))
                .toList();
    }

    /** Every error in the draft, in the order the questions are asked. */
    public List<FieldError> allErrors(TriggerDraft draft) {
        List<FieldError> errors = new ArrayList<>(formErrors(draft));
        applications.validate(toRequest(draft, null)).stream()
                .filter(e -> errors.stream().noneMatch(f -> f.field().equals(e.field())))
                .forEach(errors::add);
        errors.sort(Comparator.comparing((FieldError e) -> anchorOf(e.field()).step())
                .thenComparingInt(e -> anchorOf(e.field()).order()));
        return errors;
    }

    /** The page where an error is put right. */
    public Step stepOf(FieldError error) {
        return anchorOf(error.field()).step();
    }

    /**
     * The page after {@code step}: the victim's page only for someone applying for them, and back to
     * check your answers when changing an answer (unless it now needs the victim's page).
     */
    public Step next(Step step, TriggerDraft draft) {
        if (step == Step.WHO && draft.onBehalf() && (!draft.changing || !errorsFor(Step.VICTIM, draft).isEmpty())) {
            return Step.VICTIM;
        }
        if (draft.changing) {
            return Step.CHECK;
        }
        Step next = Step.values()[Math.min(step.ordinal() + 1, Step.CHECK.ordinal())];
        return next == Step.VICTIM && !draft.onBehalf() ? next(next, draft) : next;
    }

    public Step previous(Step step, TriggerDraft draft) {
        Step previous = Step.values()[Math.max(step.ordinal() - 1, 0)];
        return previous == Step.VICTIM && !draft.onBehalf() ? previous(previous, draft) : previous;
    }

    /** The service's request for the draft; answers that cannot be read are left empty. */
    public ApplicationRequest toRequest(TriggerDraft draft, String captchaToken) {
        Applicant applicant = new Applicant(draft.name, draft.email, draft.phone, applicantType(draft.victimType));
        boolean onBehalf = draft.onBehalf();
        List<String> references = draft.references.stream().filter(r -> r != null && !r.isBlank()).toList();
        List<ApplicationRequest.OtherComplaint> others = draft.complaints.stream()
                .filter(c -> !c.isBlank())
                .map(c -> new ApplicationRequest.OtherComplaint(c.agency,
                        date(c.reportedDay, c.reportedMonth, c.reportedYear).map(LocalDate::toString).orElse(null),
                        date(c.behaviourDay, c.behaviourMonth, c.behaviourYear).map(LocalDate::toString).orElse(null)))
                .toList();
        return new ApplicationRequest(applicant,
                onBehalf ? new OnBehalfOf(draft.victimName, draft.relationship) : null,
                onBehalf ? "yes".equals(draft.consent) : null,
                draft.description, draft.impact, yesNo(draft.hateMotivated), references, others,
                blankToNull(draft.outcomeWanted), captchaToken);
    }

    /** The answers as the check-your-answers page lists them. */
    public List<SummaryRow> summary(TriggerDraft draft) {
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(new SummaryRow("Who is applying", applyingLabel(draft.applying), Step.WHO, "who is applying"));
        rows.add(new SummaryRow("The victim is", victimTypeLabel(draft.victimType), Step.WHO, "who the victim is"));
        if (draft.onBehalf()) {
            rows.add(new SummaryRow("Name of the victim", draft.victimName, Step.VICTIM, "the name of the victim"));
            rows.add(new SummaryRow("How you know them", draft.relationship, Step.VICTIM, "how you know the victim"));
            rows.add(new SummaryRow("The victim agrees to you applying", "yes".equals(draft.consent) ? "Yes" : "No",
                    Step.VICTIM, "whether the victim agrees"));
        }
        rows.add(new SummaryRow("Your name", draft.name, Step.CONTACT, "your name"));
        rows.add(new SummaryRow("Email", draft.email, Step.CONTACT, "your email address"));
        rows.add(new SummaryRow("Phone", draft.phone, Step.CONTACT, "your phone number"));
        rows.add(new SummaryRow("What has been happening", draft.description, Step.BEHAVIOUR, "what has been happening"));
        rows.add(new SummaryRow("How it is affecting the victim", draft.impact, Step.BEHAVIOUR, "how it is affecting the victim"));
        List<String> references = draft.references.stream().filter(r -> r != null && !r.isBlank()).toList();
        rows.add(new SummaryRow("Reports on this website", references.isEmpty() ? "None" : String.join("\n", references),
                Step.REPORTS, "reports made on this website"));
        List<String> complaints = draft.complaints.stream().filter(c -> !c.isBlank()).map(TriggerJourney::describe).toList();
        rows.add(new SummaryRow("Complaints to other agencies", complaints.isEmpty() ? "None" : String.join("\n", complaints),
                Step.COMPLAINTS, "complaints made to other agencies"));
        rows.add(new SummaryRow("Aimed at the victim because of who they are", yesNoLabel(draft.hateMotivated), Step.HATE,
                "whether the behaviour is hate-motivated"));
        rows.add(new SummaryRow("What you would like to happen", blankToNull(draft.outcomeWanted), Step.OUTCOME,
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
            dateError(complaint.reportedDay, complaint.reportedMonth, complaint.reportedYear, YOU_COMPLAINED)
                    .ifPresent(message -> errors.add(new FieldError(field + ".reportedOn", message)));
            dateError(complaint.behaviourDay, complaint.behaviourMonth, complaint.behaviourYear, BEHAVIOUR_HAPPENED)
                    .ifPresent(message -> errors.add(new FieldError(field + ".behaviourOn", message)));
        }
        return errors;
    }

    private static Optional<String> dateError(String day, String month, String year, String what) {
        if (day == null && month == null && year == null) {
            return Optional.empty(); // the service asks for the date
        }
        List<String> missing = new ArrayList<>();
        if (day == null) {
            missing.add("day");
        }
        if (month == null) {
            missing.add("month");
        }
        if (year == null) {
            missing.add("year");
        }
        if (!missing.isEmpty()) {
            return Optional.of(capitalised(what) + " must include a " + String.join(" and ", missing));
        }
        if (!year.matches("\\d{4}")) {
            return Optional.of("The year of " + what + " must include 4 numbers, like 2026");
        }
        return date(day, month, year).isPresent() ? Optional.empty()
                : Optional.of(capitalised(what) + " must be a real date, like 27 3 2026");
    }

    private static Optional<LocalDate> date(String day, String month, String year) {
        if (day == null || month == null || year == null || !year.matches("\\d{4}") || !day.matches("\\d{1,2}")
                || !month.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String describe(OtherComplaint complaint) {
        return (complaint.agency == null ? "Agency not given" : complaint.agency)
                + ": complained on " + dateAsTyped(complaint.reportedDay, complaint.reportedMonth, complaint.reportedYear)
                + ", about behaviour on " + dateAsTyped(complaint.behaviourDay, complaint.behaviourMonth, complaint.behaviourYear);
    }

    private static String dateAsTyped(String day, String month, String year) {
        return date(day, month, year).map(DATE::format).orElseGet(() -> day == null && month == null && year == null
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

    private static Anchor anchorOf(String field) {
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
            return new Anchor(Step.REPORTS, "reference-" + number, number);
        }
        String part = indexed.group(3) == null ? "agency" : indexed.group(3);
        return switch (part) {
            case "reportedOn" -> new Anchor(Step.COMPLAINTS, "complaint-" + number + "-reported", number * 10 + 2);
            case "behaviourOn" -> new Anchor(Step.COMPLAINTS, "complaint-" + number + "-behaviour", number * 10 + 3);
            default -> new Anchor(Step.COMPLAINTS, "complaint-" + number + "-agency", number * 10 + 1);
        };
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
