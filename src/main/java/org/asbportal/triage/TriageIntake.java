package org.asbportal.triage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;

import org.asbportal.report.Report;
import org.asbportal.report.ReportEvent;
import org.asbportal.report.ReportHistory;
import org.asbportal.report.ReportIntake;
import org.asbportal.security.CaptchaResult;
import org.asbportal.web.SiteConfig;

/**
 * Triage's intake: a report just saved is routed by the partnership's rules to one queue, where a
 * queue item (owned here) holds it with the date first contact is due by. Each report routed is
 * counted in {@code asb_reports_received_total} (kind of behaviour, queue, risk level) once its
 * transaction commits, so a transaction run again after a deadlock counts once.
 */
@ApplicationScoped
public class TriageIntake implements ReportIntake {

    private final Router router;
    private final ServiceLevels serviceLevels;
    private final ReportHistory history;
    private final MeterRegistry meters;
    private final TransactionSynchronizationRegistry transactions;
    private final SiteConfig site;

    public TriageIntake(Router router, ServiceLevels serviceLevels, ReportHistory history, MeterRegistry meters,
            TransactionSynchronizationRegistry transactions, SiteConfig site) {
        this.site = site;
        this.router = router;
        this.serviceLevels = serviceLevels;
        this.history = history;
        this.meters = meters;
        this.transactions = transactions;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Intake take(Report report) {
        RoutingDecision decision = router.route(factsOf(report));
        QueueItem item = new QueueItem();
        item.report = report;
        // Queue and rule come from the rules held in memory: referenced by id, not read again.
        item.queue = QueueItem.getEntityManager().getReference(TriageQueue.class, decision.queue().id());
        item.routingRule = decision.rule() == null ? null
                : QueueItem.getEntityManager().getReference(RoutingRule.class, decision.rule().id());
        item.status = QueueItemStatus.NEW;
        item.riskLevel = report.riskLevel;
        item.firstContactDueBy = serviceLevels.firstContactDueBy(report.riskLevel, report.submittedAt);
        item.createdAt = report.submittedAt;
        item.riskRank = QueueItem.rankOf(report.riskLevel);
        item.wardCode = report.wardCode;
        item.categoryCode = report.category.code;
        item.persist();
        history.record(report, "ROUTED", false, "Routed to " + decision.queue().name()
                + (decision.rule() == null ? " (no rule matched: fallback queue)" : " by rule: " + decision.rule().description()),
                ReportEvent.SYSTEM);
        countOnCommit(report.category.code, decision.queue().code(), report.riskLevel.name());
        return new Intake(decision.queue().code(), decision.queue().name(), handledBy(decision.queue().organisationName()),
                item.firstContactDueBy);
    }

    private void countOnCommit(String category, String queue, String risk) {
        Counter received = Counter.builder("asb.reports.received")
                .description("Reports saved and routed to a triage queue, by kind of behaviour, queue and risk level")
                .tag("category", category)
                .tag("queue", queue)
                .tag("risk", risk)
                .register(meters);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    received.increment();
                }
            }
        });
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<Intake> find(Report report) {
        return QueueItem.findByReport(report).map(this::intake);
    }

    private Intake intake(QueueItem item) {
        return new Intake(item.queue.code, item.queue.name,
                handledBy(item.queue.organisation == null ? null : item.queue.organisation.name), item.firstContactDueBy);
    }

    static RoutingFacts factsOf(Report report) {
        boolean hate = report.targetedForIdentity || "HATE".equals(report.category.code);
        return new RoutingFacts(report.category.code, report.riskLevel, hate, report.youngPeopleInvolved,
                report.vulnerableAffected, report.captchaOutcome == CaptchaResult.Outcome.UNAVAILABLE, report.wardCode);
    }

    /** What a resident is told has their report: the agency working its queue, else the partnership. */
    private String handledBy(String organisationName) {
        return organisationName == null ? site.partnershipName() : organisationName;
    }
}
