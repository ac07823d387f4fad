package org.asbportal.open311;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.asbportal.report.ReportSubmission;

/**
 * The questions the online report form asks beyond GeoReport's standard fields (description,
 * location, the reporter's name and contact details), as a service definition's attributes; the
 * same for every service. Keys of lists are the lower-case names of the portal's answers.
 */
final class Open311Attributes {

    static final String STILL_HAPPENING = "still_happening";
    static final String FREQUENCY = "frequency";
    static final String OCCURRED_ON = "occurred_on";
    static final String PEOPLE_INVOLVED = "people_involved";
    static final String HAPPENED_BEFORE = "happened_before";
    static final String TARGETED_FOR_IDENTITY = "targeted_for_identity";
    static final String TARGETED_BECAUSE = "targeted_because";
    static final String IMPACT = "impact";
    static final String FEELS_UNSAFE_AT_HOME = "feels_unsafe_at_home";
    static final String VULNERABLE_PEOPLE_AFFECTED = "vulnerable_people_affected";
    static final String YOUNG_PEOPLE_INVOLVED = "young_people_involved";
    static final String CONSENT_TO_SHARE = "consent_to_share";
    static final String REPORTER_ROLE = "reporter_role";

    /** One answer a list offers. */
    record Value(String key, String name) {
    }

    /** One attribute of the service definition. */
    record Attribute(String code, String datatype, boolean required, String datatypeDescription, String description,
            List<Value> values) {
    }

    private static final List<Value> YES_NO = List.of(new Value("yes", "Yes"), new Value("no", "No"));
    private static final List<Value> YES_NO_NOT_SURE = List.of(new Value("yes", "Yes"), new Value("no", "No"),
            new Value("not_sure", "Not sure"));

    static final List<Attribute> ALL = List.of(
            new Attribute(OCCURRED_ON, "datetime", true, "ISO 8601 date, or date and time, like 2026-11-20 or 2026-11-20T21:30:00Z",
                    "When did it happen (or start)?", List.of()),
            new Attribute(STILL_HAPPENING, "singlevaluelist", true, null, "Is it still happening now?", YES_NO),
            new Attribute(FREQUENCY, "singlevaluelist", false, null, "How often does it happen?", List.of(
                    new Value("once", "Once"), new Value("occasionally", "Occasionally"),
                    new Value("weekly", "Every week"), new Value("daily", "Every day"))),
            new Attribute(PEOPLE_INVOLVED, "text", false, "2,000 characters or fewer",
                    "Who or what was involved (people, vehicles)?", List.of()),
            new Attribute(HAPPENED_BEFORE, "singlevaluelist", true, null, "Has this happened before?", YES_NO_NOT_SURE),
            new Attribute(TARGETED_FOR_IDENTITY, "singlevaluelist", true, null,
                    "Is it aimed at the victim because of who they are?", YES_NO),
            new Attribute(TARGETED_BECAUSE, "multivaluelist", false, null, "Aimed at them because of their", List.of(
                    new Value("disability", "Disability"), new Value("race", "Race or ethnicity"),
                    new Value("religion", "Religion or belief"), new Value("sexuality", "Sexual orientation"),
                    new Value("gender_identity", "Gender identity"), new Value("other", "Something else"))),
            new Attribute(IMPACT, "singlevaluelist", true, null,
                    "How much is it affecting the victim's health, sleep, family or work?", List.of(
                    new Value("none", "Not at all"), new Value("some", "Somewhat"), new Value("severe", "A lot"))),
            new Attribute(FEELS_UNSAFE_AT_HOME, "singlevaluelist", true, null, "Does the victim feel unsafe at home?", YES_NO),
            new Attribute(VULNERABLE_PEOPLE_AFFECTED, "singlevaluelist", true, null,
                    "Are children or a vulnerable adult affected?", YES_NO),
            new Attribute(YOUNG_PEOPLE_INVOLVED, "singlevaluelist", true, null,
                    "Are young people involved in the behaviour?", YES_NO_NOT_SURE),
            new Attribute(REPORTER_ROLE, "singlevaluelist", true, null, "Is the person reporting the victim or a witness?",
                    List.of(new Value("victim", "The victim"), new Value("witness", "A witness"))),
            new Attribute(CONSENT_TO_SHARE, "singlevaluelist", true, null,
                    "May the report be shared with the partner agencies best placed to act?", YES_NO));

    private Open311Attributes() {
    }

    /** The attribute a report's field is asked as, for its validation messages; null for a standard field. */
    static String ofField(String field) {
        return switch (field) {
            case "stillHappening" -> STILL_HAPPENING;
            case "frequency" -> FREQUENCY;
            case "occurredOn", "occurredTime" -> OCCURRED_ON;
            case "peopleInvolved" -> PEOPLE_INVOLVED;
            case "risk.happenedBefore" -> HAPPENED_BEFORE;
            case "risk.targetedForIdentity" -> TARGETED_FOR_IDENTITY;
            case "risk.impact" -> IMPACT;
            case "risk.feelsUnsafeAtHome" -> FEELS_UNSAFE_AT_HOME;
            case "risk.vulnerablePeopleAffected" -> VULNERABLE_PEOPLE_AFFECTED;
            case "risk.youngPeopleInvolved" -> YOUNG_PEOPLE_INVOLVED;
            case "reporter.role" -> REPORTER_ROLE;
            case "consentToShare" -> CONSENT_TO_SHARE;
            default -> null;
        };
    }

    /** The enum constant a list key names ({@code not_sure} for NOT_SURE); null when it names none. */
    static <E extends Enum<E>> E constant(Class<E> type, String key) {
        String name = key.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    static ReportSubmission.YesNoNotSure yesNoNotSure(String key) {
        return constant(ReportSubmission.YesNoNotSure.class, key);
    }
}
