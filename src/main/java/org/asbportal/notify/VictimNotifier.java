package org.asbportal.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.asbportal.report.Report;
import org.asbportal.report.ReportEvent;

/**
 * Emails victims about their case: every public entry staff add to a report's history becomes an
 * email to the reporter, if they gave an email address and did not report anonymously.
 */
@ApplicationScoped
public class VictimNotifier {

    /** The history entry that closes a case, told with its own email. */
    static final String CLOSED = "CLOSED";

    private final Outbox outbox;

    public VictimNotifier(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Called with each entry staff record, in the same transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recorded(ReportEvent event) {
        Report report = event.report;
        if (!event.isPublic || report.anonymous || report.reporterEmail == null) {
            return;
        }
        MailKind kind = CLOSED.equals(event.kind) ? MailKind.CASE_CLOSED : MailKind.CASE_UPDATE;
        outbox.enqueue(kind, report.reporterEmail, report.reference, event.message);
    }
}
