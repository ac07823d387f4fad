package org.asbportal.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import org.asbportal.security.AuditLog;
import org.asbportal.web.Calendar;
import org.asbportal.web.JobLease;
import org.jboss.logging.Logger;

/**
 * Applies the retention schedule (UK GDPR storage limitation). A report closed longer than
 * {@code asb.retention.closed-reports-after} ago is anonymised: the reporter's name, email, phone and
 * safe-contact answers are cleared (and with them the keys that match a victim's other reports), the
 * description, the people involved and the location's words are replaced, the coordinates cleared,
 * the equality monitoring answers and evidence files deleted, and what the victim added on
 * {@code /track} replaced in the history, whose entries stay. What the figures count stays: kind of
 * behaviour, ward, dates, risk level, outcome, queue and the shape of the history, so ward counts,
 * public figures and Community Trigger figures do not change. Audit entries older than
 * {@code asb.retention.audit-entries-after} are deleted.
 *
 * <p>A run works in batches, each its own transaction; a report's {@code anonymised_at} marks it done,
 * so a run that stops half-way is completed by the next. Runs take the job's lease, so one replica
 * runs at a time. A dry run counts what would change and changes nothing. Each run is recorded in
 * {@code retention_run} and the audit log.
 */
@ApplicationScoped
public class RetentionService {

    /** What replaces free text that may identify someone. */
    public static final String REMOVED = "[removed under the retention policy]";
    static final String JOB = "retention";
    static final String SYSTEM = "system";
    /** The lease of a scheduled run: the runs of all replicas at the same minute find it held. */
    private static final String SCHEDULED_LEASE = "1h";
    /** The lease of a run an administrator starts: long enough for a run, short enough to try again soon. */
    private static final String MANUAL_LEASE = "5m";
    private static final int LATEST_RUNS = 10;
    private static final int PERPETRATORS = 4;
    private static final int APPLICATIONS = 5;
    private static final int PLEDGE_REGISTRATIONS = 6;
    private static final int PLEDGE_CONTACTS = 7;
    private static final int AUDIT_ENTRIES = 8;
    private static final int TOTALS = 9;
    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    private final RetentionConfig config;
    private final Calendar calendar;
    private final JobLease lease;
    private final AuditLog audit;
    private final EntityManager entities;
    private final Anonymiser anonymiser;

    public RetentionService(RetentionConfig config, Calendar calendar, JobLease lease, AuditLog audit, EntityManager entities,
            Anonymiser anonymiser) {
        this.anonymiser = anonymiser;
        this.config = config;
        this.calendar = calendar;
        this.lease = lease;
        this.audit = audit;
        this.entities = entities;
    }

    /** The counts of one run, kind by kind. */
    public record Counts(int reports, int equalityAnswers, int evidenceFiles, int victimAdditions, int auditEntries) {
    }

    /** What the admin page shows: the settings and the latest runs. */
    public record Overview(String schedule, List<Rule> rules, int batchSize, List<RetentionRun> runs) {
    }

    /** One rule of the schedule: which records, what happens to them, after how long, and the setting that says so. */
    public record Rule(String records, String action, Period period, String setting) {

        /** The period in words, e.g. "24 months" or "1 year and 6 months". */
        public String periodText() {
            List<String> parts = new java.util.ArrayList<>();
            part(parts, period.getYears(), "year");
            part(parts, period.getMonths(), "month");
            part(parts, period.getDays(), "day");
            return String.join(" and ", parts);
        }

        private static void part(List<String> parts, int count, String unit) {
            if (count != 0) {
                parts.add(count + " " + unit + (count == 1 ? "" : "s"));
            }
        }
    }

    /** The retention schedule as configured, rule by rule: what the job applies, the admin page and the privacy notice show. */
    public List<Rule> schedule() {
        return List.of(
                new Rule("Closed reports", "anonymised after their closure", config.closedReportsAfter(),
                        "ASB_RETENTION_CLOSED_REPORTS_AFTER"),
                new Rule("Perpetrators' records", "anonymised when none of their cases has been open for",
                        config.perpetratorsAfter(), "ASB_RETENTION_PERPETRATORS_AFTER"),
                new Rule("Community Trigger (ASB Case Review) applications", "anonymised after their outcome",
                        config.applicationsAfterOutcome(), "ASB_RETENTION_APPLICATIONS_AFTER_OUTCOME"),
                new Rule("PLEDGE registrations never confirmed", "deleted after", config.unconfirmedPledgeRegistrationsAfter(),
                        "ASB_RETENTION_UNCONFIRMED_PLEDGE_REGISTRATIONS_AFTER"),
                new Rule("PLEDGE contacts", "removed after they last signed in (assessments are kept)", config.pledgeContactsAfter(),
                        "ASB_RETENTION_PLEDGE_CONTACTS_AFTER"),
                new Rule("Audit entries", "deleted after", config.auditEntriesAfter(), "ASB_RETENTION_AUDIT_ENTRIES_AFTER"));
    }

    /** Refuses to start with a period that is not longer than nothing, which would remove data as soon as it could. */
    void checkPeriods(@Observes StartupEvent start) {
        checkPeriod("asb.retention.closed-reports-after", config.closedReportsAfter());
        checkPeriod("asb.retention.perpetrators-after", config.perpetratorsAfter());
        checkPeriod("asb.retention.applications-after-outcome", config.applicationsAfterOutcome());
        checkPeriod("asb.retention.unconfirmed-pledge-registrations-after", config.unconfirmedPledgeRegistrationsAfter());
        checkPeriod("asb.retention.pledge-contacts-after", config.pledgeContactsAfter());
        checkPeriod("asb.retention.audit-entries-after", config.auditEntriesAfter());
    }

    static void checkPeriod(String name, Period period) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalStateException(name + " must be a period longer than nothing, e.g. P24M; it is " + period);
        }
    }

    /** Daily (by default), on one replica at a time. */
    @Scheduled(cron = "${asb.retention.cron:0 30 2 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        lease.runOnce(JOB, SCHEDULED_LEASE, () -> run(false, SYSTEM));
    }

    /**
     * A run an administrator starts now; empty when another run, on this replica or another, took the
     * job's lease in the last few minutes. A dry run changes nothing, so it needs no lease.
     */
    public Optional<RetentionRun> runNow(boolean dryRun, String actor) {
        if (dryRun) {
            return Optional.of(run(true, actor));
        }
        AtomicReference<RetentionRun> done = new AtomicReference<>();
        lease.runOnce(JOB, MANUAL_LEASE, () -> done.set(run(dryRun, actor)));
        return Optional.ofNullable(done.get());
    }

    /** Applies (or, in a dry run, counts) the retention schedule at the clock's present moment; records the run. */
    public RetentionRun run(boolean dryRun, String actor) {
        Instant now = calendar.now();
        Instant reportsClosedBefore = before(now, config.closedReportsAfter());
        Instant perpetratorsClosedBefore = before(now, config.perpetratorsAfter());
        LocalDate outcomesOnOrBefore = calendar.today().minus(config.applicationsAfterOutcome());
        Instant registeredBefore = before(now, config.unconfirmedPledgeRegistrationsAfter());
        Instant signedInBefore = before(now, config.pledgeContactsAfter());
        Instant auditBefore = before(now, config.auditEntriesAfter());
        long runId = QuarkusTransaction.requiringNew().call(() -> start(now, dryRun, actor));

        int[] totals = new int[TOTALS];
        inBatches(after -> dueReports(reportsClosedBefore, after), batch -> add(totals, anonymiser.reports(batch, dryRun)));
        inBatches(after -> duePerpetrators(perpetratorsClosedBefore, after),
                batch -> totals[PERPETRATORS] += anonymiser.perpetrators(batch, dryRun));
        inBatches(after -> dueApplications(outcomesOnOrBefore, after),
                batch -> totals[APPLICATIONS] += anonymiser.applications(batch, dryRun));
        inBatches(after -> due("""
                SELECT id FROM pledge_contact WHERE verified_at IS NULL AND created_at <= ?1 AND id > ?2 ORDER BY id LIMIT ?3""",
                registeredBefore, after), batch -> totals[PLEDGE_REGISTRATIONS] += anonymiser.contacts(batch, dryRun));
        inBatches(after -> due("""
                SELECT id FROM pledge_contact WHERE verified_at IS NOT NULL AND COALESCE(signed_in_at, verified_at) <= ?1
                  AND id > ?2 ORDER BY id LIMIT ?3""", signedInBefore, after),
                batch -> totals[PLEDGE_CONTACTS] += anonymiser.contacts(batch, dryRun));
        totals[AUDIT_ENTRIES] = auditEntries(auditBefore, dryRun);
        RetentionRun run = QuarkusTransaction.requiringNew().call(() -> finish(runId, totals, actor));
        if (run.reports + run.perpetrators + run.applications + run.pledgeRegistrations + run.pledgeContacts + run.auditEntries > 0) {
            LOG.infof("Retention%s: %s", dryRun ? " (dry run)" : "", run.counts());
        }
        return run;
    }

    private Instant before(Instant now, Period period) {
        return now.atZone(calendar.zone()).minus(period).toInstant();
    }

    /**
     * Works through the records due, batch by batch, each batch read and changed in a transaction of
     * its own; a batch is the next records after the last id of the one before, so a dry run (which
     * changes nothing) moves on too.
     */
    private static void inBatches(LongFunction<List<Long>> due, Consumer<List<Long>> apply) {
        long after = 0;
        while (true) {
            long from = after;
            List<Long> batch = QuarkusTransaction.requiringNew().call(() -> due.apply(from));
            if (batch.isEmpty()) {
                return;
            }
            QuarkusTransaction.requiringNew().run(() -> apply.accept(batch));
            after = batch.get(batch.size() - 1);
        }
    }

    /** The settings and the latest runs. */
    public Overview overview() {
        String schedule = "off".equals(config.cron()) || "disabled".equals(config.cron()) ? "Not scheduled" : config.cron();
        return QuarkusTransaction.requiringNew().call(() -> new Overview(schedule, schedule(), config.batchSize(),
                RetentionRun.latest(LATEST_RUNS)));
    }

    private static long start(Instant now, boolean dryRun, String actor) {
        RetentionRun run = new RetentionRun();
        run.startedAt = now;
        run.dryRun = dryRun;
        run.startedBy = actor;
        run.persist();
        return run.id;
    }

    private RetentionRun finish(long runId, int[] totals, String actor) {
        RetentionRun run = RetentionRun.findById(runId);
        run.reports = totals[0];
        run.equalityAnswers = totals[1];
        run.evidenceFiles = totals[2];
        run.victimAdditions = totals[3];
        run.perpetrators = totals[PERPETRATORS];
        run.applications = totals[APPLICATIONS];
        run.pledgeRegistrations = totals[PLEDGE_REGISTRATIONS];
        run.pledgeContacts = totals[PLEDGE_CONTACTS];
        run.auditEntries = totals[AUDIT_ENTRIES];
        run.finishedAt = calendar.now();
        audit.record(actor, run.dryRun ? "RETENTION_DRY_RUN" : "RETENTION_RUN", null, run.counts());
        return run;
    }

    private static void add(int[] totals, Counts counts) {
        totals[0] += counts.reports();
        totals[1] += counts.equalityAnswers();
        totals[2] += counts.evidenceFiles();
        totals[3] += counts.victimAdditions();
    }

    /** The next batch of closed reports past their retention and not yet anonymised, by id after {@code after}. */
    @SuppressWarnings("unchecked")
    private List<Long> dueReports(Instant closedBefore, long after) {
        return ((List<Number>) entities.createNativeQuery("""
                SELECT r.id FROM report r JOIN queue_item q ON q.report_id = r.id
                WHERE r.status = 'CLOSED' AND r.anonymised_at IS NULL AND q.closed_at IS NOT NULL
                  AND q.closed_at <= ?1 AND r.id > ?2
                  AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.reference = r.reference AND h.record_kind = 'REPORT'
                                  AND h.lifted_at IS NULL)
                ORDER BY r.id LIMIT ?3""")
                .setParameter(1, closedBefore)
                .setParameter(2, after)
                .setParameter(3, config.batchSize())
                .getResultList()).stream().map(Number::longValue).toList();
    }

    /**
     * The next batch of perpetrators' records not yet anonymised, none of whose cases has been open
     * since {@code closedBefore} (a record with no case counts from its creation), and none held.
     */
    private List<Long> duePerpetrators(Instant closedBefore, long after) {
        return due("""
                SELECT p.id FROM perpetrator p
                WHERE p.anonymised_at IS NULL AND p.created_at <= ?1 AND p.id > ?2
                  AND NOT EXISTS (SELECT 1 FROM case_perpetrator cp JOIN queue_item q ON q.report_id = cp.report_id
                                  WHERE cp.perpetrator_id = p.id AND (q.closed_at IS NULL OR q.closed_at > ?1))
                  AND NOT EXISTS (SELECT 1 FROM case_perpetrator cp JOIN report r ON r.id = cp.report_id
                                  JOIN legal_hold h ON h.reference = r.reference AND h.record_kind = 'REPORT' AND h.lifted_at IS NULL
                                  WHERE cp.perpetrator_id = p.id)
                ORDER BY p.id LIMIT ?3""", closedBefore, after);
    }

    /**
     * The next batch of Community Trigger applications not yet anonymised whose outcome was on or
     * before {@code outcomeOnOrBefore}: the outcome letter of a review, the decision that the threshold
     * was not met, or the decision on a request to look at either again; none held.
     */
    private List<Long> dueApplications(LocalDate outcomeOnOrBefore, long after) {
        return due("""
                SELECT a.id FROM trigger_application a LEFT JOIN trigger_escalation e ON e.application_id = a.id
                WHERE a.anonymised_at IS NULL AND a.id > ?2
                  AND CASE a.status
                        WHEN 'REVIEW_COMPLETE' THEN a.outcome_on
                        WHEN 'THRESHOLD_NOT_MET' THEN a.decided_on
                        WHEN 'ESCALATION_UPHELD' THEN DATE(e.decided_at)
                        WHEN 'ESCALATION_NOT_UPHELD' THEN DATE(e.decided_at)
                      END <= ?1
                  AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.reference = a.reference AND h.record_kind = 'APPLICATION'
                                  AND h.lifted_at IS NULL)
                ORDER BY a.id LIMIT ?3""", outcomeOnOrBefore, after);
    }

    @SuppressWarnings("unchecked")
    private List<Long> due(String sql, Object before, long after) {
        return ((List<Number>) entities.createNativeQuery(sql)
                .setParameter(1, before)
                .setParameter(2, after)
                .setParameter(3, config.batchSize())
                .getResultList()).stream().map(Number::longValue).toList();
    }

    /** Deletes (or counts) the audit entries older than {@code before}, batch by batch. */
    private int auditEntries(Instant before, boolean dryRun) {
        if (dryRun) {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) entities
                    .createNativeQuery("SELECT COUNT(*) FROM audit_entry WHERE occurred_at < ?1")
                    .setParameter(1, before).getSingleResult()).intValue());
        }
        int deleted = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(() -> entities
                    .createNativeQuery("DELETE FROM audit_entry WHERE occurred_at < ?1 ORDER BY id LIMIT ?2")
                    .setParameter(1, before).setParameter(2, config.batchSize()).executeUpdate());
            deleted += batch;
            if (batch < config.batchSize()) {
                return deleted;
            }
        }
    }
}
