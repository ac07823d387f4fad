package org.asbportal.trigger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

import org.asbportal.security.AccessCodes;

/**
 * The applicant's view of a Community Trigger application on {@code /track}: the status, every step
 * with the date it is expected or was done, the public history, the outcome letter once sent, and
 * the form to ask for the decision or outcome to be looked at again.
 */
@ApplicationScoped
public class TriggerTrackPages {

    @CheckedTemplate(basePath = "trigger")
    static class Templates {
        static native TemplateInstance applicantStatus(ApplicationStatusResponse status, String accessCode, String error,
                boolean escalated);
    }

    private final TriggerService applications;

    public TriggerTrackPages(TriggerService applications) {
        this.applications = applications;
    }

    /** Whether a reference typed into the track form is a Community Trigger application's. */
    public static boolean isApplicationReference(String reference) {
        return reference != null && AccessCodes.normaliseReference(reference).startsWith(TriggerService.REFERENCE_PREFIX + "-");
    }

    /** The page for the application, when reference and access code match (a failure is counted). */
    public Optional<TemplateInstance> page(String reference, String accessCode, String client) {
        return applications.status(reference, accessCode, client).map(status -> page(status, accessCode, null, false));
    }

    static TemplateInstance page(ApplicationStatusResponse status, String accessCode, String error, boolean escalated) {
        return Templates.applicantStatus(status, accessCode, error, escalated);
    }
}
