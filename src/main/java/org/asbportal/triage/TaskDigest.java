package org.asbportal.triage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;

import org.asbportal.notify.MailKind;
import org.asbportal.notify.Outbox;
import org.asbportal.security.Role;
import org.asbportal.security.StaffAccount;
import org.asbportal.triage.TaskViews.DueItem;
import org.asbportal.web.Calendar;
import org.asbportal.web.JobLease;
import org.asbportal.web.PageMeta;
import org.asbportal.web.Site;
import org.asbportal.web.SiteConfig;
import org.jboss.logging.Logger;

/**
 * The morning email to each officer with something due on their cases ({@link TaskService}): case
 * references and what is due, never anyone's personal details. Sent at most once per officer per
 * day: the day's row in {@code task_digest} is written in the transaction that puts the email in the
 * outbox, so a second run that day (after a restart, or on another replica) sends nothing. No email
 * when nothing is due.
 */
@ApplicationScoped
public class TaskDigest {

    private static final Logger LOG = Logger.getLogger(TaskDigest.class);

    /** The digest: {@code triage/taskDigestMail.*}; its subject names the day. */
    public static final MailKind DIGEST = new MailKind("TASK_DIGEST", "Due today and overdue on your ASB cases, %s");

    static final String JOB = "task-digest";

    /** One officer's digest, as the mail templates read it. */
    public record Digest(String name, String day, List<DueItem> items, String link) {
    }

    @CheckedTemplate(basePath = "triage")
    static class Templates {
        static native TemplateInstance taskDigestMail(Digest digest);
    }

    private final EntityManager em;
    private final TaskService tasks;
    private final Outbox outbox;
    private final Calendar calendar;
    private final JobLease lease;
    private final Site site;
    private final SiteConfig siteConfig;

    public TaskDigest(EntityManager em, TaskService tasks, Outbox outbox, Calendar calendar, JobLease lease, Site site,
            SiteConfig siteConfig) {
        this.em = em;
        this.tasks = tasks;
        this.outbox = outbox;
        this.calendar = calendar;
        this.lease = lease;
        this.site = site;
        this.siteConfig = siteConfig;
    }

    /** Every morning (by default at 07:00, London time), on one replica at a time. */
    @Scheduled(cron = "${asb.triage.digest.cron:0 0 7 * * ?}", timeZone = "${asb.triage.digest.zone:Europe/London}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        lease.runOnce(JOB, "10m", this::sendAll);
    }

    /** Sends today's digest to every officer with something due who has not had it yet; returns how many were sent. */
    public int sendAll() {
        LocalDate today = calendar.today();
        List<Long> officers = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select a.id from StaffAccount a where a.active = true and a.email is not null and a.email <> ''", Long.class)
                .getResultList());
        int sent = 0;
        for (Long id : officers) {
            if (QuarkusTransaction.requiringNew().call(() -> sendTo(id, today))) {
                sent++;
            }
        }
        LOG.infof("Task digest for %s: %d emails", today, sent);
        return sent;
    }

    /** Today's digest to one officer, unless they have had it or nothing is due. */
    private boolean sendTo(long id, LocalDate today) {
        StaffAccount officer = StaffAccount.findById(id);
        if (officer == null || !worksCases(officer)) {
            return false;
        }
        List<DueItem> due = tasks.dueFor(officer, today);
        if (due.isEmpty()) {
            return false;
        }
        int recorded = em.createNativeQuery("INSERT IGNORE INTO task_digest (account_id, sent_on, sent_at, items) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, officer.id)
                .setParameter(2, today)
                .setParameter(3, calendar.now())
                .setParameter(4, due.size())
                .executeUpdate();
        if (recorded == 0) {
            return false; // already sent today
        }
        Digest digest = new Digest(officer.displayName, site.longDate(today), due,
                PageMeta.absolute(siteConfig.baseUrl(), "/staff"));
        outbox.enqueue(DIGEST, officer.email, site.shortDate(today), () -> Templates.taskDigestMail(digest));
        return true;
    }

    private static boolean worksCases(StaffAccount officer) {
        return officer.hasRole(Role.ADMIN) || officer.hasRole(Role.TRIAGE_OFFICER) || officer.hasRole(Role.CASEWORKER);
    }
}
