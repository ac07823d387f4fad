package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.asbportal.report.Report;
import org.asbportal.report.ReportHistory;

/**
 * Entries a partner agency's own system writes on a case it was handed: public updates (emailed to
 * the victim like an officer's) and internal notes, each recorded with the partner's name as actor.
 */
@ApplicationScoped
public class PartnerUpdates {

    private final ReportHistory history;
    private final VictimNotifier victims;

    public PartnerUpdates(ReportHistory history, VictimNotifier victims) {
        this.history = history;
        this.victims = victims;
    }

    /** A public update from the partner: the victim sees it on /track and is emailed. */
    @Transactional(TxType.MANDATORY)
    public void publicUpdate(Report report, String partner, String text) {
        victims.recorded(history.record(report, "PUBLIC_UPDATE", true, text, partner));
    }

    /** An internal entry about the hand-out, for staff only. */
    @Transactional(TxType.MANDATORY)
    public void note(Report report, String partner, String text) {
        history.record(report, "PARTNER", false, text, partner);
    }
}
