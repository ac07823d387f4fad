package org.asbportal.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asbportal.report.ReportSubmission.AgeBand;
import org.asbportal.report.ReportSubmission.ContactMethod;
import org.asbportal.report.ReportSubmission.Disability;
import org.asbportal.report.ReportSubmission.Equality;
import org.asbportal.report.ReportSubmission.Ethnicity;
import org.asbportal.report.ReportSubmission.Frequency;
import org.asbportal.report.ReportSubmission.Identity;
import org.asbportal.report.ReportSubmission.Impact;
import org.asbportal.report.ReportSubmission.Location;
import org.asbportal.report.ReportSubmission.Reporter;
import org.asbportal.report.ReportSubmission.ReporterRole;
import org.asbportal.report.ReportSubmission.RiskAnswers;
import org.asbportal.report.ReportSubmission.Sex;
import org.asbportal.report.ReportSubmission.YesNoNotSure;
import org.asbportal.web.FieldError;
import org.asbportal.web.HiddenAnswers;

/**
 * The question pages of the web report journey: which answers each page takes, the order of the
 * pages, and how the answers become a {@link ReportSubmission}. Validation is the service's: each
 * page shows the service's errors for its own questions.
 */
@ApplicationScoped
public class ReportJourney {

    /** The pages, in the order they are asked. */
    public enum Step {
        DANGER("danger", "Is anyone in danger right now?"),
        CATEGORY("category", "What kind of behaviour are you reporting?"),
        WHERE("where", "Where did it happen?"),
        WHEN("when", "When did it happen?"),
        WHAT("what", "What happened?"),
        IMPACT("impact", "How is it affecting you?"),
        ABOUT("about", "About you"),
        DETAILS("details", "Your contact details"),
        EQUALITY("equality", "Equality monitoring"),
        CONSENT("consent", "Sharing your report"),
        CHECK("check", "Check your answers before sending your report");

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

    private record Anchor(Step step, String inputId) {
    }

    /** Where each of the service's fields is asked. */
    private static final Map<String, Anchor> ANCHORS = Map.ofEntries(
            Map.entry("danger", new Anchor(Step.DANGER, "danger")),
            Map.entry("categoryCode", new Anchor(Step.CATEGORY, "category")),
            Map.entry("location", new Anchor(Step.WHERE, "locationDescription")),
            Map.entry("location.description", new Anchor(Step.WHERE, "locationDescription")),
            Map.entry("location.town", new Anchor(Step.WHERE, "town")),
            Map.entry("location.wardCode", new Anchor(Step.WHERE, "wardCode")),
            Map.entry("location.latitude", new Anchor(Step.WHERE, "latitude")),
            Map.entry("location.longitude", new Anchor(Step.WHERE, "longitude")),
            Map.entry("occurredOn", new Anchor(Step.WHEN, "day")),
            Map.entry("occurredTime", new Anchor(Step.WHEN, "time")),
            Map.entry("stillHappening", new Anchor(Step.WHEN, "stillHappening")),
            Map.entry("frequency", new Anchor(Step.WHEN, "frequency")),
            Map.entry("description", new Anchor(Step.WHAT, "description")),
            Map.entry("peopleInvolved", new Anchor(Step.WHAT, "peopleInvolved")),
            Map.entry("risk.youngPeopleInvolved", new Anchor(Step.WHAT, "youngPeople")),
            Map.entry("risk", new Anchor(Step.IMPACT, "happenedBefore")),
            Map.entry("risk.happenedBefore", new Anchor(Step.IMPACT, "happenedBefore")),
            Map.entry("risk.targetedForIdentity", new Anchor(Step.IMPACT, "targeted")),
            Map.entry("risk.impact", new Anchor(Step.IMPACT, "impact")),
            Map.entry("risk.feelsUnsafeAtHome", new Anchor(Step.IMPACT, "unsafeAtHome")),
            Map.entry("risk.vulnerablePeopleAffected", new Anchor(Step.IMPACT, "vulnerableAffected")),
            Map.entry("contactChoice", new Anchor(Step.ABOUT, "contactChoice")),
            Map.entry("reporter", new Anchor(Step.ABOUT, "role")),
            Map.entry("reporter.role", new Anchor(Step.ABOUT, "role")),
            Map.entry("reporter.name", new Anchor(Step.DETAILS, "name")),
            Map.entry("reporter.email", new Anchor(Step.DETAILS, "email")),
            Map.entry("reporter.phone", new Anchor(Step.DETAILS, "phone")),
            Map.entry("reporter.preferredContact", new Anchor(Step.DETAILS, "preferredContact")),
            Map.entry("consentToShare", new Anchor(Step.CONSENT, "consent")),
            Map.entry("captchaToken", new Anchor(Step.CHECK, "captcha")));

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.]?(\\d{2})");

    private final HiddenAnswers hiddenAnswers;
    private final ReportService reports;

    public ReportJourney(HiddenAnswers hiddenAnswers, ReportService reports) {
        this.hiddenAnswers = hiddenAnswers;
        this.reports = reports;
    }

    /** The draft carried by a page, or a new one when there is none or it cannot be read. */
    public ReportDraft decode(String encoded) {
        ReportDraft draft = hiddenAnswers.decode(encoded, ReportDraft.class).orElseGet(ReportDraft::new);
        if (draft.targetedBecause == null) {
            draft.targetedBecause = new ArrayList<>();
        }
        return draft;
    }

    public String encode(ReportDraft draft) {
        return hiddenAnswers.encode(draft);
    }

    /** Copies the answers a page sent into the draft. */
    public void bind(Step step, MultivaluedMap<String, String> form, ReportDraft draft) {
        switch (step) {
            case DANGER -> draft.danger = value(form, "danger");
            case CATEGORY -> draft.category = value(form, "category");
            case WHERE -> {
                draft.locationDescription = value(form, "locationDescription");
                draft.town = value(form, "town");
                draft.wardCode = value(form, "wardCode");
                draft.latitude = value(form, "latitude");
                draft.longitude = value(form, "longitude");
            }
            case WHEN -> {
                draft.day = value(form, "day");
                draft.month = value(form, "month");
                draft.year = value(form, "year");
                draft.time = value(form, "time");
                draft.stillHappening = value(form, "stillHappening");
                draft.frequency = value(form, "frequency");
            }
            case WHAT -> {
                draft.description = form.getFirst("description");
                draft.peopleInvolved = value(form, "peopleInvolved");
                draft.youngPeople = value(form, "youngPeople");
            }
            case IMPACT -> {
                draft.happenedBefore = value(form, "happenedBefore");
                draft.targeted = value(form, "targeted");
                List<String> because = form.get("targetedBecause");
                draft.targetedBecause = because == null ? new ArrayList<>() : new ArrayList<>(because);
                draft.impact = value(form, "impact");
                draft.unsafeAtHome = value(form, "unsafeAtHome");
                draft.vulnerableAffected = value(form, "vulnerableAffected");
            }
            case ABOUT -> {
                draft.contactChoice = value(form, "contactChoice");
                draft.role = value(form, "role");
            }
            case DETAILS -> {
                draft.name = value(form, "name");
                draft.email = value(form, "email");
                draft.phone = value(form, "phone");
                draft.preferredContact = value(form, "preferredContact");
            }
            case EQUALITY -> {
                draft.ageBand = value(form, "ageBand");
                draft.sex = value(form, "sex");
                draft.ethnicity = value(form, "ethnicity");
                draft.disability = value(form, "disability");
            }
            case CONSENT -> draft.consent = value(form, "consent");
            case CHECK -> {
                // Nothing to bind: the robot check token is read at submit.
            }
        }
    }

    /** The errors to show on a page for the answers in the draft. */
    public List<PageError> errorsFor(Step step, ReportDraft draft) {
        return allErrors(draft, null).stream()
                .filter(e -> anchorOf(e.field()).step() == step)
                .map(e -> new PageError(anchorOf(e.field()).inputId(), e.message()))
                .toList();
    }

    /** Every error in the draft, in the order the questions are asked. */
    public List<FieldError> allErrors(ReportDraft draft, String captchaToken) {
        List<FieldError> errors = new ArrayList<>(formErrors(draft));
        ReportSubmission submission = toSubmission(draft, captchaToken);
        reports.validate(submission).stream()
                .filter(e -> errors.stream().noneMatch(f -> f.field().equals(e.field())))
                .forEach(errors::add);
        errors.sort((a, b) -> Integer.compare(anchorOf(a.field()).step().ordinal(), anchorOf(b.field()).step().ordinal()));
        return errors;
    }

    /** The step where an error is fixed. */
    public Step stepOf(FieldError error) {
        return anchorOf(error.field()).step();
    }

    /**
     * The page after {@code step}: contact details only for a resident who gives them, and back to
     * check your answers when changing an answer (unless it now needs contact details).
     */
    public Step next(Step step, ReportDraft draft) {
        if (step == Step.ABOUT && !draft.anonymous() && (!draft.changing || !errorsFor(Step.DETAILS, draft).isEmpty())) {
            return Step.DETAILS;
        }
        if (draft.changing && step != Step.DANGER) {
            return Step.CHECK;
        }
        Step next = Step.values()[Math.min(step.ordinal() + 1, Step.CHECK.ordinal())];
        return next == Step.DETAILS && draft.anonymous() ? next(next, draft) : next;
    }

    public Step previous(Step step, ReportDraft draft) {
        Step previous = Step.values()[Math.max(step.ordinal() - 1, 0)];
        return previous == Step.DETAILS && draft.anonymous() ? previous(previous, draft) : previous;
    }

    /** Builds the service's submission from the draft; answers that cannot be read are left empty. */
    public ReportSubmission toSubmission(ReportDraft draft, String captchaToken) {
        Location location = new Location(draft.locationDescription, draft.town, draft.wardCode,
                number(draft.latitude), number(draft.longitude));
        RiskAnswers risk = new RiskAnswers(
                enumOf(YesNoNotSure.class, draft.happenedBefore),
                yesNo(draft.targeted),
                draft.targetedBecause.stream().map(v -> enumOf(Identity.class, v)).filter(v -> v != null).toList(),
                enumOf(Impact.class, draft.impact),
                yesNo(draft.unsafeAtHome),
                yesNo(draft.vulnerableAffected),
                enumOf(YesNoNotSure.class, draft.youngPeople));
        boolean anonymous = draft.anonymous();
        Reporter reporter = new Reporter(anonymous ? null : draft.name, anonymous ? null : draft.email,
                anonymous ? null : draft.phone, anonymous ? null : enumOf(ContactMethod.class, draft.preferredContact),
                enumOf(ReporterRole.class, draft.role));
        Equality equality = new Equality(enumOf(AgeBand.class, draft.ageBand), enumOf(Sex.class, draft.sex),
                enumOf(Ethnicity.class, draft.ethnicity), enumOf(Disability.class, draft.disability));
        return new ReportSubmission(draft.category, draft.description, draft.peopleInvolved, date(draft).orElse(null),
                time(draft.time).orElse(null), yesNo(draft.stillHappening), enumOf(Frequency.class, draft.frequency),
                location, anonymous, reporter, risk, yesNo(draft.consent), equality, captchaToken);
    }

    /** The answers as the check-your-answers page lists them. */
    public List<SummaryRow> summary(ReportDraft draft, String categoryName, String wardName) {
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(new SummaryRow("Kind of behaviour", categoryName, Step.CATEGORY, "kind of behaviour"));
        String place = join(", ", draft.locationDescription, draft.town,
                wardName == null ? null : wardName + " ward");
        if (draft.latitude != null && draft.longitude != null) {
            place = place + "\nMap point: " + draft.latitude + ", " + draft.longitude;
        }
        rows.add(new SummaryRow("Where", place, Step.WHERE, "where it happened"));
        String when = date(draft).map(Labels::date).orElse("")
                + time(draft.time).map(t -> " at " + t).orElse("");
        rows.add(new SummaryRow("When", when.strip(), Step.WHEN, "when it happened"));
        rows.add(new SummaryRow("Still happening", Labels.yesNo(draft.stillHappening), Step.WHEN, "whether it is still happening"));
        rows.add(new SummaryRow("How often", Labels.frequency(draft.frequency), Step.WHEN, "how often it happens"));
        rows.add(new SummaryRow("What happened", draft.description, Step.WHAT, "what happened"));
        rows.add(new SummaryRow("People or vehicles involved", draft.peopleInvolved, Step.WHAT, "people or vehicles involved"));
        rows.add(new SummaryRow("Young people involved", Labels.yesNoNotSure(draft.youngPeople), Step.WHAT, "whether young people are involved"));
        rows.add(new SummaryRow("Happened before", Labels.yesNoNotSure(draft.happenedBefore), Step.IMPACT, "whether it has happened before"));
        String targeted = Labels.yesNo(draft.targeted);
        if ("yes".equals(draft.targeted) && !draft.targetedBecause.isEmpty()) {
            targeted = targeted + ": " + String.join(", ", draft.targetedBecause.stream().map(Labels::identity).toList());
        }
        rows.add(new SummaryRow("Aimed at you because of who you are", targeted, Step.IMPACT, "whether it is aimed at you"));
        rows.add(new SummaryRow("Effect on health, sleep, family or work", Labels.impact(draft.impact), Step.IMPACT, "the effect on you"));
        rows.add(new SummaryRow("Feel unsafe at home", Labels.yesNo(draft.unsafeAtHome), Step.IMPACT, "whether you feel unsafe at home"));
        rows.add(new SummaryRow("Children or vulnerable adults affected", Labels.yesNo(draft.vulnerableAffected), Step.IMPACT, "whether children or vulnerable adults are affected"));
        rows.add(new SummaryRow("You are", Labels.role(draft.role), Step.ABOUT, "whether you are the victim or a witness"));
        if (draft.anonymous()) {
            rows.add(new SummaryRow("Contact details", "You chose to stay anonymous", Step.ABOUT, "your contact details"));
        } else {
            rows.add(new SummaryRow("Name", draft.name, Step.DETAILS, "your name"));
            rows.add(new SummaryRow("Email", draft.email, Step.DETAILS, "your email address"));
            rows.add(new SummaryRow("Phone", draft.phone, Step.DETAILS, "your phone number"));
            rows.add(new SummaryRow("Contact me by", Labels.contactMethod(draft.preferredContact), Step.DETAILS, "how we contact you"));
        }
        rows.add(new SummaryRow("Equality monitoring", equalityAnswered(draft) ? "Answered" : "Not answered", Step.EQUALITY, "equality monitoring answers"));
        rows.add(new SummaryRow("Share with partner agencies", Labels.yesNo(draft.consent), Step.CONSENT, "whether we can share your report"));
        return rows;
    }

    private static boolean equalityAnswered(ReportDraft draft) {
        return draft.ageBand != null || draft.sex != null || draft.ethnicity != null || draft.disability != null;
    }

    /** Errors only the web form can make: pages without a service field, and date parts. */
    private static List<FieldError> formErrors(ReportDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (!"yes".equals(draft.danger) && !"no".equals(draft.danger)) {
            errors.add(new FieldError("danger", "Select yes if someone is in danger or a crime is happening now"));
        }
        if (!"CONTACT".equals(draft.contactChoice) && !"ANONYMOUS".equals(draft.contactChoice)) {
            errors.add(new FieldError("contactChoice", "Select whether you want to give your contact details or stay anonymous"));
        }
        dateError(draft).ifPresent(message -> errors.add(new FieldError("occurredOn", message)));
        if (draft.time != null && time(draft.time).isEmpty()) {
            errors.add(new FieldError("occurredTime", "Enter the time in the 24-hour clock, like 21:30, or leave it blank"));
        }
        if (draft.latitude != null && number(draft.latitude) == null) {
            errors.add(new FieldError("location.latitude", "Latitude must be a number, like 52.1357"));
        }
        if (draft.longitude != null && number(draft.longitude) == null) {
            errors.add(new FieldError("location.longitude", "Longitude must be a number, like -0.4668"));
        }
        return errors;
    }

    private static Optional<String> dateError(ReportDraft draft) {
        if (draft.day == null && draft.month == null && draft.year == null) {
            return Optional.empty(); // the service asks for the date
        }
        List<String> missing = new ArrayList<>();
        if (draft.day == null) {
            missing.add("day");
        }
        if (draft.month == null) {
            missing.add("month");
        }
        if (draft.year == null) {
            missing.add("year");
        }
        if (!missing.isEmpty()) {
            return Optional.of("The date it happened must include a " + String.join(" and ", missing));
        }
        if (draft.year.strip().length() != 4) {
            return Optional.of("Year must include 4 numbers");
        }
        return date(draft).isPresent() ? Optional.empty() : Optional.of("The date it happened must be a real date");
    }

    private static Optional<LocalDate> date(ReportDraft draft) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(draft.year.strip()), Integer.parseInt(draft.month.strip()),
                    Integer.parseInt(draft.day.strip())));
        } catch (NumberFormatException | NullPointerException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> time(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher matcher = TIME.matcher(value.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Double number(String value) {
        if (value == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            return Double.isFinite(parsed) ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean yesNo(String value) {
        if ("yes".equals(value)) {
            return Boolean.TRUE;
        }
        return "no".equals(value) ? Boolean.FALSE : null;
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Anchor anchorOf(String field) {
        return ANCHORS.getOrDefault(field, new Anchor(Step.CHECK, "captcha"));
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return String.join(separator, present);
    }
}
