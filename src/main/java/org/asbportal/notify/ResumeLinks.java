package org.asbportal.notify;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.asbportal.web.PageMeta;
import org.asbportal.web.Site;
import org.asbportal.web.SiteConfig;
import org.asbportal.web.journey.ResumeLinkRequested;

/**
 * Emails a resident the link to come back to a journey they saved (the report, the Community Trigger
 * application): written to the outbox in the transaction that stored the link. It holds the link and
 * when it stops working, never an answer; the address is kept only on the outbox row.
 */
@ApplicationScoped
public class ResumeLinks {

    /** {@code notify/resumeLink.html} and {@code .txt}; the subject names the journey, never the resident. */
    public static final MailKind RESUME_LINK = new MailKind("JOURNEY_RESUME", "Come back to your answers: %s");

    /** What the email shows. */
    public record ResumeLink(String journeyTitle, String link, String expires, String partnershipName) {
    }

    @CheckedTemplate(basePath = "notify")
    static class Templates {
        static native TemplateInstance resumeLink(ResumeLink mail);
    }

    private final Outbox outbox;
    private final SiteConfig config;
    private final Site site;

    public ResumeLinks(Outbox outbox, SiteConfig config, Site site) {
        this.outbox = outbox;
        this.config = config;
        this.site = site;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void requested(@Observes ResumeLinkRequested request) {
        ResumeLink mail = new ResumeLink(request.journeyTitle(), PageMeta.absolute(config.baseUrl(), request.path()),
                site.dateTime(request.expiresAt()), config.partnershipName());
        outbox.enqueue(RESUME_LINK, request.email(), request.journeyTitle(), () -> Templates.resumeLink(mail));
    }
}
