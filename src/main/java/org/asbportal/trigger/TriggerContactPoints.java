package org.asbportal.trigger;

import static org.asbportal.trigger.ReviewForms.check;
import static org.asbportal.trigger.ReviewForms.name;
import static org.asbportal.trigger.ReviewForms.trimmed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.trigger.ReviewForms.SpocForm;
import org.asbportal.trigger.ReviewViews.Review;
import org.asbportal.web.FieldError;

/**
 * The applicant's single point of contact: the coordinator names one person (name, organisation, a
 * phone number or an email address, or both) who explains to the applicant what happens and why. The
 * applicant sees them on their application's page and in the outcome letter. Naming someone else
 * later replaces them; each change is in the history and audited.
 */
@ApplicationScoped
public class TriggerContactPoints {

    private static final Pattern PHONE = Pattern.compile("[0-9 +()-]{7,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ReviewedApplications applications;
    private final CurrentStaff staff;
    private final AuditLog audit;

    public TriggerContactPoints(ReviewedApplications applications, CurrentStaff staff, AuditLog audit) {
        this.applications = applications;
        this.staff = staff;
        this.audit = audit;
    }

    /** Names the applicant's single point of contact. */
    @Transactional
    public Review appoint(String reference, SpocForm form) {
        TriggerApplication application = applications.current(reference, form.version());
        List<FieldError> errors = new ArrayList<>();
        String name = trimmed(form.name());
        String organisation = trimmed(form.organisation());
        String phone = trimmed(form.phone());
        String email = trimmed(form.email());
        if (name == null) {
            errors.add(new FieldError("name", "Enter the name of the single point of contact"));
        }
        name(name, "name", "The name", errors);
        if (organisation == null) {
            errors.add(new FieldError("organisation", "Enter the organisation the single point of contact works for"));
        }
        name(organisation, "organisation", "The organisation", errors);
        if (phone == null && email == null) {
            errors.add(new FieldError("phone", "Enter a phone number or an email address for the applicant to use"));
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "Enter a telephone number, like 01632 960 001 or 07700 900 982"));
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "Enter an email address in the correct format, like name@example.com"));
        }
        check(errors);
        boolean replacing = application.spocName != null;
        application.spocName = name;
        application.spocOrganisation = organisation;
        application.spocPhone = phone;
        application.spocEmail = email;
        applications.event(application, "SPOC", true, "Your single point of contact is " + name + ", " + organisation
                + ". They can explain what happens next and when and why your case review closes.");
        audit.record(staff.username(), "TRIGGER_SPOC", application.reference, replacing ? "REPLACED" : "NAMED");
        return applications.saved(application);
    }
}
