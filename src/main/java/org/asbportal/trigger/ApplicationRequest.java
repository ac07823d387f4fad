package org.asbportal.trigger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON body of {@code POST /api/v1/community-trigger/applications}. Dates of complaints to other
 * agencies are ISO dates ({@code 2026-11-20}), read by the service so a wrong one is reported like
 * any other field. Validation messages are written for the applicant.
 */
public record ApplicationRequest(
        @NotNull(message = "Tell us who is applying: a Community Trigger application cannot be anonymous")
        @Valid
        Applicant applicant,

        @Valid
        OnBehalfOf onBehalfOf,

        Boolean consent,

        @NotBlank(message = "Describe the anti-social behaviour you have reported")
        @Size(max = ApplicationRequest.TEXT_MAX, message = "The description must be 4,000 characters or fewer")
        String description,

        @NotBlank(message = "Tell us how the behaviour is affecting you, or the person you are applying for")
        @Size(max = ApplicationRequest.TEXT_MAX, message = "How it is affecting you must be 4,000 characters or fewer")
        String impact,

        @NotNull(message = "Select yes if you think the behaviour is aimed at you because of who you are, "
                + "such as your disability, race, religion, sexuality or gender identity")
        Boolean hateMotivated,

        List<String> reportReferences,

        /*
         * The access code of each report in reportReferences, in the same order (null or left out for one
         * the applicant does not have). A cited report counts only when its code is given or it was made
         * with the applicant's email or phone; otherwise the partnership confirms it first.
         */
        List<String> reportAccessCodes,

        @Valid
        List<OtherComplaint> otherComplaints,

        @Size(max = 2000, message = "The outcome you want must be 2,000 characters or fewer")
        String outcomeWanted,

        String captchaToken) {

    public static final int TEXT_MAX = 4000;

    public ApplicationRequest {
        // copies that allow null elements, which validation then reports
        reportReferences = reportReferences == null ? List.of() : new ArrayList<>(reportReferences);
        reportAccessCodes = reportAccessCodes == null ? List.of() : new ArrayList<>(reportAccessCodes);
        otherComplaints = otherComplaints == null ? List.of() : new ArrayList<>(otherComplaints);
    }

    /** The person applying: the victim, or someone applying for them. */
    public record Applicant(
            @NotBlank(message = "Enter your name: a Community Trigger application cannot be anonymous")
            @Size(max = 160, message = "Name must be 160 characters or fewer")
            String name,

            @Size(max = 254, message = "Email address must be 254 characters or fewer")
            @Email(regexp = ".+@.+\\..+", message = "Enter an email address in the correct format, like name@example.com")
            String email,

            @Pattern(regexp = "[0-9 +()-]{7,20}", message = "Enter a telephone number, like 01632 960 001 or 07700 900 982")
            String phone,

            @NotNull(message = "Select whether you are applying as a person, a business or a community group")
            ApplicantType type) {
    }

    /** The victim, when the applicant applies for them. */
    public record OnBehalfOf(
            @NotBlank(message = "Enter the name of the person you are applying for")
            @Size(max = 160, message = "Their name must be 160 characters or fewer")
            String name,

            @NotBlank(message = "Tell us how you know the person you are applying for, for example family member, "
                    + "friend, councillor or MP")
            @Size(max = 160, message = "How you know them must be 160 characters or fewer")
            String relationship) {
    }

    /** A complaint made to another agency than this portal, as the applicant remembers it. */
    public record OtherComplaint(
            @NotBlank(message = "Enter the agency you complained to, for example the police, the council or your "
                    + "housing provider")
            @Size(max = 160, message = "The agency's name must be 160 characters or fewer")
            String agency,

            String reportedOn,

            String behaviourOn) {
    }

    /** The access code given for the report cited at {@code index}, or null. */
    String reportAccessCode(int index) {
        if (index >= reportAccessCodes.size()) {
            return null;
        }
        String code = reportAccessCodes.get(index);
        return code == null || code.isBlank() ? null : code;
    }

    /** The same request without its robot check token, for comparing a retried request with the first. */
    ApplicationRequest withoutCaptchaToken() {
        return new ApplicationRequest(applicant, onBehalfOf, consent, description, impact, hateMotivated,
                reportReferences, reportAccessCodes, otherComplaints, outcomeWanted, null);
    }
}
