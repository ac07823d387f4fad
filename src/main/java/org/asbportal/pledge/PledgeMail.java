package org.asbportal.pledge;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.asbportal.notify.MailKind;
import org.asbportal.notify.Outbox;
import org.asbportal.web.SiteConfig;

/** The emails of the PLEDGE self-assessment, written to the outbox in the caller's transaction. */
@ApplicationScoped
public class PledgeMail {

    /** What a sign-in email shows: why it was sent, and the one-time link. */
    public record SignInMail(String name, String organisation, String invitedBy, String link, String partnershipName,
            long validForHours) {
    }

    public record ReviewMail(String name, String organisation, String reference, boolean accepted, String feedback,
            String link, String partnershipName) {
    }

    @CheckedTemplate(basePath = "pledge")
    static class Templates {
        static native TemplateInstance signInMail(SignInMail mail);

        static native TemplateInstance reviewMail(ReviewMail mail);
    }

    /** A one-time sign-in link for a PLEDGE self-assessment contact: {@code pledge/signInMail.*}. */
    public static final MailKind SIGN_IN = new MailKind("PLEDGE_SIGN_IN", "Your sign-in link for the ASB Help PLEDGE self-assessment");

    /** A reviewer accepted or returned a PLEDGE self-assessment: {@code pledge/reviewMail.*}. */
    public static final MailKind REVIEWED = new MailKind("PLEDGE_REVIEWED", "Your PLEDGE self-assessment %s has been reviewed");

    private final Outbox outbox;
    private final SiteConfig site;
    private final PledgeConfig config;

    public PledgeMail(Outbox outbox, SiteConfig site, PledgeConfig config) {
        this.outbox = outbox;
        this.site = site;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void signInLink(PledgeContact contact, String token, String invitedBy) {
        SignInMail mail = new SignInMail(contact.name, contact.organisation.name, invitedBy,
                url("/pledge/verify?token=" + token), site.partnershipName(), config.linkValidFor().toHours());
        outbox.enqueue(SIGN_IN, contact.email, "", () -> Templates.signInMail(mail));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewed(PledgeContact contact, PledgeAssessment assessment, boolean accepted, String feedback) {
        ReviewMail mail = new ReviewMail(contact.name, assessment.organisation.name, assessment.reference(), accepted,
                feedback, url("/pledge/assessments/" + assessment.id), site.partnershipName());
        outbox.enqueue(REVIEWED, contact.email, assessment.reference(), () -> Templates.reviewMail(mail));
    }

    private String url(String path) {
        return site.baseUrl().replaceAll("/+$", "") + path;
    }
}
