package org.asbportal.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.asbportal.report.ReportSubmission.SafeContact;
import org.asbportal.report.ReportSubmission.Sex;
import org.asbportal.report.ReportSubmission.YesNoNotSure;
import org.asbportal.web.DateInput;
import org.asbportal.web.FieldError;
import org.asbportal.web.TimeInput;
import org.asbportal.web.journey.DraftFiles;
import org.asbportal.web.journey.Journey;
import org.asbportal.web.journey.Page;
import org.asbportal.ward.Places;

/**
 * The web report journey, declared for the journey engine: its pages in order with the answers each
 * takes and when it is asked, where each of the service's fields is asked, and how the answers
 * become a {@link ReportSubmission}. Validation is the service's: each page shows the errors of its
 * own questions.
 */
@ApplicationScoped
public class ReportJourney implements Journey<ReportDraft> {

    public static final String DANGER = "danger";
    public static final String EMERGENCY = "emergency";
    public static final String CATEGORY = "category";
    public static final String WHERE = "where";
    public static final String WHEN = "when";
    public static final String WHAT = "what";
    public static final String EVIDENCE = "evidence";
    public static final String IMPACT = "impact";
    public static final String ABOUT = "about";
    public static final String DETAILS = "details";
    public static final String EQUALITY = "equality";
    public static final String CONSENT = "consent";
    public static final String CHECK = "check";

    /** Where the drafts' cookie and pages are named. */
    public static final String NAME = "report";
    public static final String COOKIE = "asb-" + NAME + "-draft";

    private static final String WHEN_IT_HAPPENED = "the date it happened";

    private static final List<Page<ReportDraft>> PAGES = List.of(
            Page.<ReportDraft>question(DANGER, "Is anyone in danger right now?").values("danger"),
            Page.<ReportDraft>question(EMERGENCY, "Call 999 now").when(d -> "yes".equals(d.danger)),
            Page.<ReportDraft>question(CATEGORY, "What kind of behaviour are you reporting?").values("category"),
            Page.<ReportDraft>question(WHERE, "Where did it happen?")
                    .values("locationDescription", "town", "wardCode", "latitude", "longitude", "place"),
            Page.<ReportDraft>question(WHEN, "When did it happen?")
                    .values("day", "month", "year", "time", "stillHappening", "frequency"),
            Page.<ReportDraft>question(WHAT, "What happened?").texts("description").values("peopleInvolved", "youngPeople"),
            Page.<ReportDraft>question(EVIDENCE, "Add photos, videos, audio or documents (optional)").files("file"),
            // Whether they are the victim or a witness comes before how it affects them.
            Page.<ReportDraft>question(ABOUT, "About you").values("contactChoice", "role"),
            Page.<ReportDraft>question(IMPACT, "How is it affecting you?")
                    .values("happenedBefore", "targeted", "impact", "unsafeAtHome", "vulnerableAffected")
                    .lists("targetedBecause"),
            Page.<ReportDraft>question(DETAILS, "Your contact details").values("name", "email", "phone", "preferredContact")
                    .lists("safeContact").values("safeContactTimes")
                    .when(d -> !d.anonymous()),
            Page.<ReportDraft>question(EQUALITY, "Equality monitoring").values("ageBand", "sex", "ethnicity", "disability"),
            Page.<ReportDraft>question(CONSENT, "Sharing your report").values("consent"),
            Page.<ReportDraft>checkAnswers(CHECK, "Check your answers before sending your report"));

    /** Where each of the service's fields is asked. */
    private static final Map<String, Anchor> ANCHORS = Map.ofEntries(
            Map.entry("danger", new Anchor(DANGER, "danger", 1)),
            Map.entry("categoryCode", new Anchor(CATEGORY, "category", 1)),
            Map.entry("location", new Anchor(WHERE, "locationDescription", 1)),
            Map.entry("location.description", new Anchor(WHERE, "locationDescription", 1)),
            Map.entry("location.town", new Anchor(WHERE, "town", 2)),
            Map.entry("location.wardCode", new Anchor(WHERE, "wardCode", 3)),
            Map.entry("location.latitude", new Anchor(WHERE, "latitude", 4)),
            Map.entry("location.longitude", new Anchor(WHERE, "longitude", 5)),
            Map.entry("occurredOn", new Anchor(WHEN, "day", 1)),
            Map.entry("occurredTime", new Anchor(WHEN, "time", 2)),
            Map.entry("stillHappening", new Anchor(WHEN, "stillHappening", 3)),
            Map.entry("frequency", new Anchor(WHEN, "frequency", 4)),
            Map.entry("description", new Anchor(WHAT, "description", 1)),
            Map.entry("peopleInvolved", new Anchor(WHAT, "peopleInvolved", 2)),
            Map.entry("risk.youngPeopleInvolved", new Anchor(WHAT, "youngPeople", 3)),
            Map.entry("risk", new Anchor(IMPACT, "happenedBefore", 1)),
            Map.entry("risk.happenedBefore", new Anchor(IMPACT, "happenedBefore", 1)),
            Map.entry("risk.targetedForIdentity", new Anchor(IMPACT, "targeted", 2)),
            Map.entry("risk.impact", new Anchor(IMPACT, "impact", 3)),
            Map.entry("risk.feelsUnsafeAtHome", new Anchor(IMPACT, "unsafeAtHome", 4)),
            Map.entry("risk.vulnerablePeopleAffected", new Anchor(IMPACT, "vulnerableAffected", 5)),
            Map.entry("reporter", new Anchor(ABOUT, "role", 1)),
            Map.entry("reporter.role", new Anchor(ABOUT, "role", 1)),
            Map.entry("contactChoice", new Anchor(ABOUT, "contactChoice", 2)),
            Map.entry("reporter.name", new Anchor(DETAILS, "name", 1)),
            Map.entry("reporter.email", new Anchor(DETAILS, "email", 2)),
            Map.entry("reporter.phone", new Anchor(DETAILS, "phone", 3)),
            Map.entry("reporter.preferredContact", new Anchor(DETAILS, "preferredContact", 4)),
            Map.entry("reporter.safeContact", new Anchor(DETAILS, "safeContact", 5)),
            Map.entry("reporter.safeContactTimes", new Anchor(DETAILS, "safeContactTimes", 6)),
            Map.entry("consentToShare", new Anchor(CONSENT, "consent", 1)));

    private static final Anchor ROBOT_CHECK = new Anchor(CHECK, "captcha", 1);

    private final ReportService reports;
    private final Places places;
    private final EvidenceService evidence;

    public ReportJourney(ReportService reports, Places places, EvidenceService evidence) {
        this.reports = reports;
        this.places = places;
        this.evidence = evidence;
    }

    /**
     * A place chosen from the search on the "where" page gives the report its point and ward, and
     * names the place when the resident has not described it.
     */
    @Override
    public ReportDraft bound(Page<ReportDraft> page, ReportDraft draft) {
        if (!WHERE.equals(page.slug()) || draft.place == null) {
            return draft;
        }
        Optional<Places.Place> chosen = placeId(draft.place).flatMap(places::find);
        draft.place = null;
        chosen.ifPresent(place -> {
            draft.latitude = place.latitude().toPlainString();
            draft.longitude = place.longitude().toPlainString();
            if (place.wardCode() != null) {
                draft.wardCode = place.wardCode();
            }
            if (draft.locationDescription == null) {
                draft.locationDescription = place.name();
            }
        });
        return draft;
    }

    private static Optional<Long> placeId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String path() {
        return "/report";
    }

    @Override
    public String title() {
        return "Report anti-social behaviour";
    }

    @Override
    public Class<ReportDraft> draftType() {
        return ReportDraft.class;
    }

    @Override
    public ReportDraft newDraft() {
        return new ReportDraft();
    }

    @Override
    public List<Page<ReportDraft>> pages() {
        return PAGES;
    }

    /** The files of the evidence page, kept with the draft. */
    @Override
    public DraftFiles files() {
        return evidence;
    }

    @Override
    public String cookieName() {
        return COOKIE;
    }

    @Override
    public String notSaved() {
        return "Sorry, we could not send your report just now. Your answers are still here: "
                + "try sending again in a few minutes. If someone is in danger, call 999.";
    }

    /** Every problem with the answers: the form's own, then the service's. */
    @Override
    public List<FieldError> validate(ReportDraft draft) {
        List<FieldError> errors = new ArrayList<>(formErrors(draft));
        reports.validate(toSubmission(draft, null)).stream()
                .filter(e -> errors.stream().noneMatch(f -> f.field().equals(e.field())))
                .forEach(errors::add);
        return errors;
    }

    @Override
    public Anchor anchor(String field) {
        return ANCHORS.getOrDefault(field, ROBOT_CHECK);
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
                enumOf(ReporterRole.class, draft.role),
                anonymous ? null : draft.safeContact.stream().map(v -> enumOf(SafeContact.class, v)).filter(v -> v != null).toList(),
                anonymous ? null : draft.safeContactTimes);
        Equality equality = new Equality(enumOf(AgeBand.class, draft.ageBand), enumOf(Sex.class, draft.sex),
                enumOf(Ethnicity.class, draft.ethnicity), enumOf(Disability.class, draft.disability));
        return new ReportSubmission(draft.category, draft.description, draft.peopleInvolved, date(draft).value().orElse(null),
                time(draft.time).orElse(null), yesNo(draft.stillHappening), enumOf(Frequency.class, draft.frequency),
                location, anonymous, reporter, risk, yesNo(draft.consent), equality, captchaToken);
    }

    /** The answers as the check-your-answers page lists them. */
    public List<SummaryRow> summary(ReportDraft draft, String categoryName, String wardName) {
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(row("Kind of behaviour", categoryName, CATEGORY, "kind of behaviour"));
        String place = join(", ", draft.locationDescription, draft.town,
                wardName == null ? null : wardName + " ward");
        if (draft.latitude != null && draft.longitude != null) {
            place = place + "\nMap point: " + draft.latitude + ", " + draft.longitude;
        }
        rows.add(row("Where", place, WHERE, "where it happened"));
        String when = date(draft).value().map(Labels::date).orElse("")
                + time(draft.time).map(t -> " at " + t).orElse("");
        rows.add(row("When", when.strip(), WHEN, "when it happened"));
        rows.add(row("Still happening", Labels.yesNo(draft.stillHappening), WHEN, "whether it is still happening"));
        rows.add(row("How often", Labels.frequency(draft.frequency), WHEN, "how often it happens"));
        rows.add(row("What happened", draft.description, WHAT, "what happened"));
        rows.add(row("People or vehicles involved", draft.peopleInvolved, WHAT, "people or vehicles involved"));
        rows.add(row("Young people involved", Labels.yesNoNotSure(draft.youngPeople), WHAT, "whether young people are involved"));
        rows.add(row("You are", Labels.role(draft.role), ABOUT, "whether you are the victim or a witness"));
        rows.add(row("Happened before", Labels.yesNoNotSure(draft.happenedBefore), IMPACT, "whether it has happened before"));
        String targeted = Labels.yesNo(draft.targeted);
        if ("yes".equals(draft.targeted) && !draft.targetedBecause.isEmpty()) {
            targeted = targeted + ": " + String.join(", ", draft.targetedBecause.stream().map(Labels::identity).toList());
        }
        rows.add(row("Aimed at you because of who you are", targeted, IMPACT, "whether it is aimed at you"));
        rows.add(row("Effect on health, sleep, family or work", Labels.impact(draft.impact), IMPACT, "the effect on you"));
        rows.add(row("Feel unsafe at home", Labels.yesNo(draft.unsafeAtHome), IMPACT, "whether you feel unsafe at home"));
        rows.add(row("Children or vulnerable adults affected", Labels.yesNo(draft.vulnerableAffected), IMPACT, "whether children or vulnerable adults are affected"));
        if (draft.anonymous()) {
            rows.add(row("Contact details", "You chose to stay anonymous", ABOUT, "your contact details"));
        } else {
            rows.add(row("Name", draft.name, DETAILS, "your name"));
            rows.add(row("Email", draft.email, DETAILS, "your email address"));
            rows.add(row("Phone", draft.phone, DETAILS, "your phone number"));
            rows.add(row("Contact me by", Labels.contactMethod(draft.preferredContact), DETAILS, "how we contact you"));
            rows.add(row("Safe to contact you by", Labels.safeContact(draft.safeContact), DETAILS, "how it is safe to contact you"));
            rows.add(row("When it is safe", draft.safeContactTimes, DETAILS, "when it is safe to contact you"));
        }
        rows.add(row("Equality monitoring", equalityAnswered(draft) ? "Answered" : "Not answered", EQUALITY, "equality monitoring answers"));
        rows.add(row("Share with partner agencies", Labels.yesNo(draft.consent), CONSENT, "whether we can share your report"));
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
        DateInput.optional(date(draft), "occurredOn", errors);
        if (TimeInput.unreadable(draft.time)) {
            errors.add(new FieldError("occurredTime", TimeInput.PROBLEM));
        }
        if (draft.latitude != null && number(draft.latitude) == null) {
            errors.add(new FieldError("location.latitude", "Latitude must be a number, like 52.1357"));
        }
        if (draft.longitude != null && number(draft.longitude) == null) {
            errors.add(new FieldError("location.longitude", "Longitude must be a number, like -0.4668"));
        }
        return errors;
    }

    private static DateInput.Reading date(ReportDraft draft) {
        return DateInput.read(draft.day, draft.month, draft.year, WHEN_IT_HAPPENED);
    }

    private static Optional<LocalTime> time(String value) {
        return TimeInput.parse(value);
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
