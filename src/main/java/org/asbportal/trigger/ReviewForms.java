package org.asbportal.trigger;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.asbportal.web.DateInput;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;

/**
 * What the coordinator sends for each step of a review, from the HTML forms and as JSON. Dates are
 * text ({@code 2026-11-20}), read by the service so a wrong one is reported like any other field. A
 * {@code version} is the application's version the coordinator saw; without one (JSON only) the
 * change applies to the application as it is now. Below the forms: how a posted HTML form becomes
 * one, and how their fields are read and checked.
 */
public final class ReviewForms {

    static final int MAX_TEXT = 4000;
    static final int MAX_NAME = 160;

    private ReviewForms() {
    }

    public record VersionForm(Integer version) {
    }

    public record ConfirmForm(Integer version, Boolean confirmed) {
    }

    public record DecisionForm(Integer version, String decidedOn, Boolean victimVulnerable, Boolean discretionary,
            String reasons) {
    }

    public record AgencyForm(Integer version, List<String> asked, String other, String summary) {
    }

    public record MeetingForm(Integer version, String heldOn, String chair, Boolean chairIndependent, List<String> attending,
            Boolean victimAttended, String impactStatement, String findings) {
    }

    public record RecommendationForm(String text, String ownerAgency, String dueOn) {
    }

    public record ProgressForm(Integer version, String note, Boolean done) {
    }

    public record OutcomeForm(Integer version, String summary) {
    }

    public record EscalationForm(String reason) {
    }

    public record EscalationDecisionForm(String decision, String reasons) {
    }

    /** The applicant's single point of contact: a name, an organisation and a phone number or an email address. */
    public record SpocForm(Integer version, String name, String organisation, String phone, String email) {
    }

    /** The applicant asks the Police and Crime Commissioner to review a "threshold not met" decision. */
    public record PccRequestForm(String reason) {
    }

    public record PccReferralForm(Integer version, String referredOn) {
    }

    public record PccDecisionForm(Integer version, String decision, String reasons, String decidedOn) {
    }

    // ---------------------------------------------------------------- the HTML forms

    /**
     * The forms of the application page as posted: yes/no radios, ticked checkboxes, a GOV.UK date
     * input's three boxes, and the version the page showed (a page without one is out of date).
     */
    static final class Posted {

        private Posted() {
        }

        static Integer version(MultivaluedMap<String, String> form) {
            Integer version = number(form.getFirst("version"));
            if (version == null) {
                throw new TriggerConflictException("The page was out of date: look at the application again and redo your change.");
            }
            return version;
        }

        static ConfirmForm confirm(MultivaluedMap<String, String> form) {
            return new ConfirmForm(version(form), yesNo(form.getFirst("confirmed")));
        }

        static DecisionForm decision(MultivaluedMap<String, String> form) {
            return new DecisionForm(version(form), date(form, "decidedOn"), yesNo(form.getFirst("victimVulnerable")),
                    yesNo(form.getFirst("discretionary")), form.getFirst("reasons"));
        }

        static AgencyForm agencies(MultivaluedMap<String, String> form) {
            return new AgencyForm(version(form), list(form, "asked"), form.getFirst("other"), form.getFirst("summary"));
        }

        static MeetingForm meeting(MultivaluedMap<String, String> form) {
            return new MeetingForm(version(form), date(form, "heldOn"), form.getFirst("chair"),
                    yesNo(form.getFirst("chairIndependent")), list(form, "attending"), yesNo(form.getFirst("victimAttended")),
                    form.getFirst("impactStatement"), form.getFirst("findings"));
        }

        static RecommendationForm recommendation(MultivaluedMap<String, String> form) {
            return new RecommendationForm(form.getFirst("text"), form.getFirst("ownerAgency"), date(form, "dueOn"));
        }

        static ProgressForm progress(MultivaluedMap<String, String> form) {
            return new ProgressForm(number(form.getFirst("recommendationVersion")), form.getFirst("note"),
                    "true".equals(form.getFirst("done")));
        }

        static OutcomeForm outcome(MultivaluedMap<String, String> form) {
            return new OutcomeForm(version(form), form.getFirst("summary"));
        }

        static EscalationForm escalation(MultivaluedMap<String, String> form) {
            return new EscalationForm(form.getFirst("reason"));
        }

        static EscalationDecisionForm escalationDecision(MultivaluedMap<String, String> form) {
            return new EscalationDecisionForm(form.getFirst("decision"), form.getFirst("decisionReasons"));
        }

        static SpocForm spoc(MultivaluedMap<String, String> form) {
            return new SpocForm(version(form), form.getFirst("name"), form.getFirst("organisation"), form.getFirst("phone"),
                    form.getFirst("email"));
        }

        static PccReferralForm pccReferral(MultivaluedMap<String, String> form) {
            return new PccReferralForm(version(form), date(form, "referredOn"));
        }

        static PccDecisionForm pccDecision(MultivaluedMap<String, String> form) {
            return new PccDecisionForm(version(form), form.getFirst("decision"), form.getFirst("reasons"),
                    date(form, "decidedOn"));
        }

        private static Integer number(String value) {
            try {
                return value == null ? null : Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static Boolean yesNo(String value) {
            return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
        }

        private static List<String> list(MultivaluedMap<String, String> form, String name) {
            List<String> values = form.get(name);
            return values == null ? List.of() : values;
        }

        /** The three boxes of a GOV.UK date input as year-month-day; the service checks it is a real date. */
        private static String date(MultivaluedMap<String, String> form, String name) {
            return strip(form.getFirst(name + "-year")) + "-" + strip(form.getFirst(name + "-month")) + "-"
                    + strip(form.getFirst(name + "-day"));
        }

        private static String strip(String value) {
            return value == null ? "" : value.strip();
        }
    }

    // ---------------------------------------------------------------- reading and checking fields

    /** A JSON step sent without a body is refused like a form with every field missing. */
    static void require(Object form) {
        if (form == null) {
            throw new InvalidSubmissionException("body", "Send a JSON object");
        }
    }

    /** Refuses the change with every problem found, each once. */
    static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors.stream().distinct().toList());
        }
    }

    static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** Text that must be given, up to 4,000 characters. */
    static String required(String value, String field, String missing, String label, List<FieldError> errors) {
        String text = trimmed(value);
        if (text == null) {
            errors.add(new FieldError(field, missing));
            return null;
        }
        text(text, field, label, errors);
        return text;
    }

    /** Text, when given, of up to 4,000 characters. */
    static void text(String text, String field, String label, List<FieldError> errors) {
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(new FieldError(field, label + " must be 4,000 characters or fewer"));
        }
    }

    /** A name, when given, of up to 160 characters. */
    static void name(String name, String field, String label, List<FieldError> errors) {
        if (name != null && name.length() > MAX_NAME) {
            errors.add(new FieldError(field, label + " must be 160 characters or fewer"));
        }
    }

    /** A date as year-month-day; the three boxes of a date input arrive as {@code 2026-8-28}. */
    static LocalDate date(String value, String field, String what, List<FieldError> errors) {
        return DateInput.required(DateInput.joined(value, what), field, what, errors);
    }

    /** A date no later than {@code today} and, when given, no earlier than {@code notBefore}. */
    static LocalDate pastDate(String value, String field, String what, LocalDate today, LocalDate notBefore,
            String notBeforeWhat, List<FieldError> errors) {
        LocalDate date = date(value, field, what, errors);
        if (date == null) {
            return null;
        }
        if (date.isAfter(today)) {
            errors.add(new FieldError(field, capitalised(what) + " must be today or in the past"));
            return null;
        }
        if (notBefore != null && date.isBefore(notBefore)) {
            errors.add(new FieldError(field, capitalised(what) + " must be on or after " + notBeforeWhat + ", "
                    + ReviewViews.longDate(notBefore)));
            return null;
        }
        return date;
    }

    /** Bodies chosen from the list, at least one, each once, in the list's order. */
    static List<Agencies> agencies(List<String> codes, String field, String missing, List<FieldError> errors) {
        Set<Agencies> chosen = new LinkedHashSet<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            try {
                chosen.add(Agencies.valueOf(code == null ? "" : code.strip()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, "Select bodies from the list"));
                return List.of();
            }
        }
        if (chosen.isEmpty()) {
            errors.add(new FieldError(field, missing));
        }
        return Agencies.read(Agencies.store(List.copyOf(chosen)));
    }

    /** A status to filter on; none when blank. */
    static TriggerStatus statusOf(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return TriggerStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidSubmissionException("status", "Choose a status from the list");
        }
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
