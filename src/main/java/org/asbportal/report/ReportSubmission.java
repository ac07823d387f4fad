package org.asbportal.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What a resident tells us in a report, from the web form or the JSON API. Field names are the JSON
 * API's; validation messages are written for the resident.
 */
public record ReportSubmission(
        @NotBlank(message = "Select the kind of behaviour you are reporting")
        String categoryCode,

        @NotBlank(message = "Describe what happened")
        @Size(max = ReportSubmission.DESCRIPTION_MAX, message = "Description must be 4,000 characters or fewer")
        String description,

        @Size(max = 2000, message = "People or vehicles involved must be 2,000 characters or fewer")
        String peopleInvolved,

        @NotNull(message = "Enter the date it happened")
        LocalDate occurredOn,

        LocalTime occurredTime,

        @NotNull(message = "Select yes if it is still happening")
        Boolean stillHappening,

        Frequency frequency,

        @NotNull(message = "Tell us where it happened")
        @Valid
        Location location,

        boolean anonymous,

        @Valid
        Reporter reporter,

        @NotNull(message = "Answer the questions about how this is affecting you")
        @Valid
        RiskAnswers risk,

        @NotNull(message = "Select yes if we can share your report with partner agencies")
        Boolean consentToShare,

        @Valid
        Equality equality,

        String captchaToken) {

    public static final int DESCRIPTION_MAX = 4000;

    /** Where it happened: a description, and optionally a ward and a map point. */
    public record Location(
            @NotBlank(message = "Enter the street, building or landmark where it happened")
            @Size(max = 500, message = "Where it happened must be 500 characters or fewer")
            String description,

            @Size(max = 120, message = "Town or village must be 120 characters or fewer")
            String town,

            String wardCode,

            @DecimalMin(value = "-90", message = "Latitude must be between -90 and 90")
            @DecimalMax(value = "90", message = "Latitude must be between -90 and 90")
            Double latitude,

            @DecimalMin(value = "-180", message = "Longitude must be between -180 and 180")
            @DecimalMax(value = "180", message = "Longitude must be between -180 and 180")
            Double longitude) {
    }

    /** The person reporting. Only the role is asked of someone who stays anonymous. */
    public record Reporter(
            @Size(max = 160, message = "Name must be 160 characters or fewer")
            String name,

            @Size(max = 254, message = "Email address must be 254 characters or fewer")
            @Email(regexp = ".+@.+\\..+", message = "Enter an email address in the correct format, like name@example.com")
            String email,

            @Pattern(regexp = "[0-9 +()-]{7,20}", message = "Enter a telephone number, like 01632 960 001 or 07700 900 982")
            String phone,

            ContactMethod preferredContact,

            @NotNull(message = "Select whether you are the victim or a witness")
            ReporterRole role,

            /** How it is safe to contact them; none given means they did not say. */
            List<SafeContact> safeContact,

            @Size(max = 200, message = "When it is safe to contact you must be 200 characters or fewer")
            String safeContactTimes) {

        /** A reporter who said nothing about when it is safe to contact them. */
        public Reporter(String name, String email, String phone, ContactMethod preferredContact, ReporterRole role) {
            this(name, email, phone, preferredContact, role, null, null);
        }
    }

    /** Risk screening answers, in the words of DOMAIN.md. */
    public record RiskAnswers(
            @NotNull(message = "Select whether this has happened before")
            YesNoNotSure happenedBefore,

            @NotNull(message = "Select yes if it is aimed at you because of who you are")
            Boolean targetedForIdentity,

            List<Identity> targetedBecause,

            @NotNull(message = "Select how much this is affecting your health, sleep, family or work")
            Impact impact,

            @NotNull(message = "Select yes if you feel unsafe in your home")
            Boolean feelsUnsafeAtHome,

            @NotNull(message = "Select yes if children or a vulnerable adult are affected")
            Boolean vulnerablePeopleAffected,

            @NotNull(message = "Select whether young people are involved in the behaviour")
            YesNoNotSure youngPeopleInvolved) {

        public RiskAnswers {
            targetedBecause = targetedBecause == null ? List.of() : List.copyOf(targetedBecause);
        }
    }

    /** Optional equality monitoring; every answer may be "prefer not to say" or left out. */
    public record Equality(AgeBand ageBand, Sex sex, Ethnicity ethnicity, Disability disability) {

        public boolean isEmpty() {
            return ageBand == null && sex == null && ethnicity == null && disability == null;
        }
    }

    public enum YesNoNotSure { YES, NO, NOT_SURE }

    public enum Impact { NONE, SOME, SEVERE }

    public enum Frequency { ONCE, OCCASIONALLY, WEEKLY, DAILY }

    public enum ContactMethod { EMAIL, PHONE }

    /** The ways a resident says it is safe to contact them. */
    public enum SafeContact { CALL, VOICEMAIL, TEXT, EMAIL }

    public enum ReporterRole { VICTIM, WITNESS }

    public enum Identity { DISABILITY, RACE, RELIGION, SEXUALITY, GENDER_IDENTITY, OTHER }

    public enum AgeBand { UNDER_18, AGE_18_TO_24, AGE_25_TO_34, AGE_35_TO_44, AGE_45_TO_54, AGE_55_TO_64, AGE_65_TO_74, AGE_75_OR_OVER, PREFER_NOT_TO_SAY }

    public enum Sex { FEMALE, MALE, ANOTHER_WAY, PREFER_NOT_TO_SAY }

    public enum Ethnicity { ASIAN, BLACK, MIXED, WHITE, OTHER, PREFER_NOT_TO_SAY }

    public enum Disability { YES, NO, PREFER_NOT_TO_SAY }
}
