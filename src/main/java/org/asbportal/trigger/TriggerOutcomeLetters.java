package org.asbportal.trigger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

import org.asbportal.notify.MailKind;
import org.asbportal.notify.Outbox;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.trigger.ReviewViews.LetterRecommendation;
import org.asbportal.trigger.ReviewViews.OutcomeLetter;
import org.asbportal.web.SiteConfig;

/**
 * The outcome letter of a case review: what the coordinator prints, what the applicant reads on
 * their status page, and the email (HTML and text) sent to them through the outbox.
 */
@ApplicationScoped
public class TriggerOutcomeLetters {

    /** The outcome letter of a case review, rendered here ({@code trigger/outcomeMail.html} and {@code .txt}). */
    public static final MailKind OUTCOME_MAIL = new MailKind("TRIGGER_OUTCOME", "The outcome of your case review %s");

    @CheckedTemplate(basePath = "trigger")
    static class Templates {
        /** The outcome letter emailed to the applicant: {@code outcomeMail.html} and {@code outcomeMail.txt}. */
        static native TemplateInstance outcomeMail(OutcomeLetter letter);
    }

    private final ReviewedApplications applications;
    private final CurrentStaff staff;
    private final AuditLog audit;
    private final Outbox outbox;
    private final SiteConfig site;

    public TriggerOutcomeLetters(ReviewedApplications applications, CurrentStaff staff, AuditLog audit, Outbox outbox,
            SiteConfig site) {
        this.applications = applications;
        this.staff = staff;
        this.audit = audit;
        this.outbox = outbox;
        this.site = site;
    }

    /** The outcome letter, once the outcome is recorded. Audited. */
    @Transactional
    public OutcomeLetter letter(String reference) {
        TriggerApplication application = applications.find(reference, LockModeType.NONE);
        if (application.outcomeOn == null) {
            throw new TriggerNotFoundException("No outcome letter yet: record the outcome first");
        }
        audit.record(staff.username(), "READ_TRIGGER_LETTER", application.reference, null);
        return of(application, site);
    }

    /** Emails the letter to the applicant, when they gave an address; says whether it went. */
    boolean mail(TriggerApplication application) {
        if (application.applicantEmail == null) {
            return false;
        }
        OutcomeLetter letter = of(application, site);
        outbox.enqueueRendered(OUTCOME_MAIL, application.applicantEmail, application.reference,
                render(letter, Variant.TEXT_PLAIN), render(letter, Variant.TEXT_HTML));
        return true;
    }

    /** The outcome letter as the applicant reads it, once sent; nothing is audited (no staff read). */
    static Optional<OutcomeLetter> applicantLetter(TriggerApplication application, SiteConfig site) {
        return application.outcomeOn == null ? Optional.empty() : Optional.of(of(application, site));
    }

    private static OutcomeLetter of(TriggerApplication application, SiteConfig site) {
        List<LetterRecommendation> recommendations = TriggerRecommendation.of(application).stream()
                .map(r -> new LetterRecommendation(r.text, r.ownerAgency, r.dueOn)).toList();
        return new OutcomeLetter(application.reference, application.applicantName, application.onBehalfOfName,
                application.outcomeOn, application.receivedOn, application.meetingOn, application.meetingChair,
                Boolean.TRUE.equals(application.chairIndependent),
                ReviewViews.labels(Agencies.read(application.meetingAttending), null), recommendations,
                application.outcomeSummary, site.partnershipName(), site.baseUrl().replaceAll("/+$", "") + "/track",
                ReviewViews.Spoc.of(application));
    }

    private static String render(OutcomeLetter letter, String contentType) {
        return Templates.outcomeMail(letter)
                .setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(contentType)).render();
    }
}
