package org.asbportal.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

import org.asbportal.notify.MailKind;
import org.asbportal.notify.Outbox;
import org.asbportal.web.PageMeta;
import org.asbportal.web.Site;
import org.asbportal.web.SiteConfig;

/**
 * The receipt a resident gets by email when they report with an address: written to the outbox in
 * the report's own transaction, so it exists exactly when the report does, and sent straight after.
 * It gives the reference, what happens next and by when, and where to check the report; never the
 * access code, and never the name of the team inside the partnership that has the report.
 */
@ApplicationScoped
public class ReportReceipts {

    /** {@code report/receipt.html} and {@code .txt}. */
    public static final MailKind RECEIPT = new MailKind("REPORT_RECEIVED", "We have received your report %s");

    /** What the receipt shows. */
    public record Receipt(String reference, String name, String kindOfBehaviour, String handledBy, String contactBy,
            String partnershipName, String trackUrl, String earlierReport, String caseReviewUrl) {
    }

    @CheckedTemplate(basePath = "report")
    static class Templates {
        static native TemplateInstance receipt(Receipt receipt);
    }

    private final Outbox outbox;
    private final SiteConfig config;
    private final Site site;

    public ReportReceipts(Outbox outbox, SiteConfig config, Site site) {
        this.outbox = outbox;
        this.config = config;
        this.site = site;
    }

    /** The case review application with both reports listed in it already. */
    public static String caseReviewPath(String earlierReport, String reference) {
        return "/community-trigger/apply?report=" + earlierReport + "&report=" + reference;
    }

    /** Called in the transaction that saves {@code report}; does nothing for a report without an address. */
    @Transactional(Transactional.TxType.MANDATORY)
    void received(Report report, String kindOfBehaviour, String handledBy, LocalDate firstContactDueBy, String earlierReport) {
        if (report.anonymous || report.reporterEmail == null || report.reporterEmail.isBlank()) {
            return;
        }
        Receipt receipt = new Receipt(report.reference, report.reporterName, kindOfBehaviour,
                handledBy, firstContactDueBy == null ? null : site.longDate(firstContactDueBy), config.partnershipName(),
                PageMeta.absolute(config.baseUrl(), "/track"), earlierReport,
                earlierReport == null ? null : PageMeta.absolute(config.baseUrl(), caseReviewPath(earlierReport, report.reference)));
        outbox.enqueue(RECEIPT, report.reporterEmail, report.reference, report.reference, () -> Templates.receipt(receipt));
    }
}
