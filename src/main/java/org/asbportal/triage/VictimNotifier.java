package org.asbportal.triage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.asbportal.notify.MailKind;
import org.asbportal.notify.Outbox;
import org.asbportal.report.Report;
import org.asbportal.report.ReportEvent;
import org.asbportal.report.ReportHistory;
import org.asbportal.web.SiteConfig;

/**
 * Emails victims about their case: every public entry staff add to a report's history becomes an
 * email to the reporter, through the outbox, if they gave an email address and did not report
 * anonymously. It never carries the access code.
 */
@ApplicationScoped
public class VictimNotifier {

    /** A public update on the victim's case: {@code triage/caseUpdate.html} and {@code .txt}. */
    public static final MailKind CASE_UPDATE = new MailKind("CASE_UPDATE", "Update on your report %s");

    /** The victim's case has been closed: {@code triage/caseClosed.html} and {@code .txt}. */
    public static final MailKind CASE_CLOSED = new MailKind("CASE_CLOSED", "Your report %s has been closed");

    /** What an email about a case shows. */
    public record CaseMail(String reference, String update, String partnershipName, String trackUrl) {
    }

    @CheckedTemplate(basePath = "triage")
    static class Templates {
        static native TemplateInstance caseUpdate(CaseMail mail);

        static native TemplateInstance caseClosed(CaseMail mail);
    }

    private final Outbox outbox;
    private final SiteConfig site;

    public VictimNotifier(Outbox outbox, SiteConfig site) {
        this.outbox = outbox;
        this.site = site;
    }

    /** Called with each entry staff record, in the same transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recorded(ReportEvent event) {
        Report report = event.report;
        if (!event.isPublic || report.anonymous || report.reporterEmail == null) {
            return;
        }
        CaseMail mail = new CaseMail(report.reference, event.message, site.partnershipName(),
                site.baseUrl().replaceAll("/+$", "") + "/track");
        boolean closing = ReportHistory.CLOSED.equals(event.kind);
        outbox.enqueue(closing ? CASE_CLOSED : CASE_UPDATE, report.reporterEmail, report.reference, report.reference,
                () -> closing ? Templates.caseClosed(mail) : Templates.caseUpdate(mail));
    }
}
