package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;

import org.asbportal.report.Report;
import org.asbportal.report.ReportEvent;
import org.asbportal.report.ReportHistory;
import org.asbportal.report.ReportIntake;
import org.asbportal.security.CaptchaResult;

/**
 * Triage's intake: a report just saved is routed by the partnership's rules to one queue, where a
 * queue item (owned here) holds it with the date first contact is due by.
 */
@ApplicationScoped
public class TriageIntake implements ReportIntake {

    private final Router router;
    private final ServiceLevels serviceLevels;
    private final ReportHistory history;

    public TriageIntake(Router router, ServiceLevels serviceLevels, ReportHistory history) {
        this.router = router;
        this.serviceLevels = serviceLevels;
        this.history = history;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Intake take(Report report) {
        RoutingDecision decision = router.route(factsOf(report));
        QueueItem item = new QueueItem();
        item.report = report;
        item.queue = decision.queue();
        item.routingRule = decision.rule();
        item.status = QueueItemStatus.NEW;
        item.riskLevel = report.riskLevel;
        item.firstContactDueBy = serviceLevels.firstContactDueBy(report.riskLevel, report.submittedAt);
        item.createdAt = report.submittedAt;
        item.riskRank = QueueItem.rankOf(report.riskLevel);
        item.wardCode = report.wardCode;
        item.categoryCode = report.category.code;
        item.persist();
        history.record(report, "ROUTED", false, "Routed to " + decision.queue().name
                + (decision.rule() == null ? " (no rule matched: fallback queue)" : " by rule: " + decision.rule().description),
                ReportEvent.SYSTEM);
        return intake(item);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<Intake> find(Report report) {
        return QueueItem.findByReport(report).map(TriageIntake::intake);
    }

    private static Intake intake(QueueItem item) {
        return new Intake(item.queue.code, item.queue.name, item.firstContactDueBy);
    }

    static RoutingFacts factsOf(Report report) {
        boolean hate = report.targetedForIdentity || "HATE".equals(report.category.code);
        return new RoutingFacts(report.category.code, report.riskLevel, hate, report.youngPeopleInvolved,
                report.vulnerableAffected, report.captchaOutcome == CaptchaResult.Outcome.UNAVAILABLE, report.wardCode);
    }
}
