package org.asbportal.trigger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

import org.asbportal.casetracking.CaseTracker;

/**
 * The applicant's view of a Community Trigger application on {@code /track}: the status, every step
 * with the date it is expected or was done, the public history, the outcome letter once sent, and
 * the form to ask for the decision or outcome to be looked at again.
 */
@ApplicationScoped
public class TriggerTrackPages implements CaseTracker {

    @CheckedTemplate(basePath = "trigger")
    static class Templates {
        static native TemplateInstance applicantStatus(ApplicationStatusResponse status, String accessCode, String error,
                boolean escalated, String errorField, boolean pccRequested);
    }

    private final TriggerService applications;

    public TriggerTrackPages(TriggerService applications) {
        this.applications = applications;
    }

    @Override
    public boolean recognises(String reference) {
        return reference.startsWith(TriggerService.REFERENCE_PREFIX + "-");
    }

    @Override
    public Optional<TemplateInstance> page(String reference, String accessCode) {
        return applications.find(reference, accessCode).map(status -> page(status, accessCode, null, false));
    }

    static TemplateInstance page(ApplicationStatusResponse status, String accessCode, String error, boolean escalated) {
        return Templates.applicantStatus(status, accessCode, error, escalated, ESCALATION_REASON, false);
    }

    /** The page with the problem, or the success, of a request for the Police and Crime Commissioner's review. */
    static TemplateInstance pccPage(ApplicationStatusResponse status, String accessCode, String error, boolean requested) {
        return Templates.applicantStatus(status, accessCode, error, false, PCC_REASON, requested);
    }

    /** The inputs a problem on the page links to. */
    private static final String ESCALATION_REASON = "reason";
    private static final String PCC_REASON = "pcc-reason";
}
