package org.asbportal.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words residents see for the report's answers, and the options of each question. Available in
 * templates as {@code inject:reportOptions}.
 */
@Named("reportOptions")
@ApplicationScoped
public class Labels {

    /** A choice on a question page. */
    public record Option(String value, String label, String hint) {
        Option(String value, String label) {
            this(value, label, null);
        }
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private static final Map<String, String> YES_NO_NOT_SURE = Map.of("YES", "Yes", "NO", "No", "NOT_SURE", "I'm not sure");
    private static final Map<String, String> FREQUENCY = Map.of(
            "ONCE", "This was the only time", "OCCASIONALLY", "Now and then",
            "WEEKLY", "Most weeks", "DAILY", "Every day or almost every day");
    private static final Map<String, String> IMPACT = Map.of(
            "NONE", "Not at all", "SOME", "A little", "SEVERE", "A lot");
    private static final Map<String, String> IDENTITY = Map.of(
            "DISABILITY", "Disability", "RACE", "Race or ethnicity", "RELIGION", "Religion or belief",
            "SEXUALITY", "Sexual orientation", "GENDER_IDENTITY", "Gender identity", "OTHER", "Something else about me");
    private static final Map<String, String> ROLE = Map.of("VICTIM", "The victim, or one of them", "WITNESS", "A witness");
    private static final Map<String, String> CONTACT = Map.of("EMAIL", "Email", "PHONE", "Phone");
    private static final Map<String, String> SAFE_CONTACT = Map.of("CALL", "Phone calls", "VOICEMAIL", "Voicemail messages",
            "TEXT", "Text messages", "EMAIL", "Emails");

    public List<Option> frequencies() {
        return options(ReportSubmission.Frequency.values(), FREQUENCY);
    }

    public List<Option> impacts() {
        return options(ReportSubmission.Impact.values(), IMPACT);
    }

    public List<Option> identities() {
        return options(ReportSubmission.Identity.values(), IDENTITY);
    }

    public List<Option> yesNoNotSure() {
        return options(ReportSubmission.YesNoNotSure.values(), YES_NO_NOT_SURE);
    }

    public List<Option> roles() {
        return options(ReportSubmission.ReporterRole.values(), ROLE);
    }

    public List<Option> contactChoices() {
        return List.of(new Option("CONTACT", "Yes, I will give my contact details"),
                new Option("ANONYMOUS", "No, I want to stay anonymous"));
    }

    public List<Option> contactMethods() {
        return options(ReportSubmission.ContactMethod.values(), CONTACT);
    }

    public List<Option> ageBands() {
        return List.of(new Option("UNDER_18", "Under 18"), new Option("AGE_18_TO_24", "18 to 24"),
                new Option("AGE_25_TO_34", "25 to 34"), new Option("AGE_35_TO_44", "35 to 44"),
                new Option("AGE_45_TO_54", "45 to 54"), new Option("AGE_55_TO_64", "55 to 64"),
                new Option("AGE_65_TO_74", "65 to 74"), new Option("AGE_75_OR_OVER", "75 or over"),
                new Option("PREFER_NOT_TO_SAY", "Prefer not to say"));
    }

    public List<Option> sexes() {
        return List.of(new Option("FEMALE", "Female"), new Option("MALE", "Male"),
                new Option("ANOTHER_WAY", "I describe myself in another way"),
                new Option("PREFER_NOT_TO_SAY", "Prefer not to say"));
    }

    public List<Option> ethnicities() {
        return List.of(new Option("ASIAN", "Asian or Asian British"),
                new Option("BLACK", "Black, Black British, Caribbean or African"),
                new Option("MIXED", "Mixed or multiple ethnic groups"), new Option("WHITE", "White"),
                new Option("OTHER", "Another ethnic group"), new Option("PREFER_NOT_TO_SAY", "Prefer not to say"));
    }

    public List<Option> disabilities() {
        return List.of(new Option("YES", "Yes"), new Option("NO", "No"), new Option("PREFER_NOT_TO_SAY", "Prefer not to say"));
    }

    static String yesNo(String value) {
        if (value == null) {
            return null;
        }
        return "yes".equals(value) ? "Yes" : "No";
    }

    static String yesNoNotSure(String value) {
        return value == null ? null : YES_NO_NOT_SURE.get(value);
    }

    public static String frequency(String value) {
        return value == null ? null : FREQUENCY.get(value);
    }

    static String impact(String value) {
        return value == null ? null : IMPACT.get(value);
    }

    static String identity(String value) {
        return IDENTITY.getOrDefault(value, value);
    }

    static String role(String value) {
        return value == null ? null : ROLE.get(value);
    }

    /** The ways it is safe to contact someone, in the order they are offered: "Phone calls, Emails". */
    public static String safeContact(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return Arrays.stream(ReportSubmission.SafeContact.values()).map(Enum::name).filter(values::contains)
                .map(SAFE_CONTACT::get).collect(Collectors.joining(", "));
    }

    public List<Option> safeContactWays() {
        return options(ReportSubmission.SafeContact.values(), SAFE_CONTACT);
    }

    static String contactMethod(String value) {
        return value == null ? null : CONTACT.get(value);
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    private static <E extends Enum<E>> List<Option> options(E[] values, Map<String, String> labels) {
        return Arrays.stream(values).map(v -> new Option(v.name(), labels.get(v.name()))).toList();
    }
}
