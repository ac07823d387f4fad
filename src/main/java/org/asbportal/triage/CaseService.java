package org.asbportal.triage;

import io.quarkus.panache.common.Parameters;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.asbportal.web.Calendar;
import org.asbportal.report.Labels;
import org.asbportal.report.Report;
import org.asbportal.report.ReportEvent;
import org.asbportal.report.ReportHistory;
import org.asbportal.report.ReportLink;
import org.asbportal.report.ReportStatus;
import org.asbportal.security.AccessCodes;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.security.StaffAccount;
import org.asbportal.triage.CaseViews.ActionView;
import org.asbportal.triage.CaseViews.CaseView;
import org.asbportal.triage.CaseViews.Contact;
import org.asbportal.triage.CaseViews.LinkedReport;
import org.asbportal.triage.CaseViews.PerpetratorView;
import org.asbportal.triage.CaseViews.QueueItemView;
import org.asbportal.triage.CaseViews.QueuePage;
import org.asbportal.triage.CaseViews.QueueSummary;
import org.asbportal.triage.CaseViews.TimelineEntry;
import org.asbportal.ward.WardRef;
import org.asbportal.ward.WardService;
import org.asbportal.web.InvalidSubmissionException;

/**
 * Triage work on cases: the queues a member of staff may work, their items, a case with its
 * timeline, and the operations on it. Every read and change of a case is audited; every change is
 * checked against the version the officer saw, so two officers never silently overwrite each other.
 */
@ApplicationScoped
public class CaseService {

    static final int PAGE_SIZE = 25;
    static final int MAX_TEXT = 4000;
    /** The longest note a release or reassignment carries into the timeline. */
    static final int MAX_HAND_ON_NOTE = 500;
    /** The place as a queue row shows it, and the description's first words as its summary. */
    static final int PLACE_LENGTH = 60;
    static final int SUMMARY_LENGTH = 80;
    /** The reason of a linked report that shares a perpetrator with the case. */
    static final String SAME_PERPETRATOR = "SAME_PERPETRATOR";
    /** The reason of a linked report from the same (non-anonymous) reporter email or phone. */
    static final String SAME_VICTIM = "SAME_VICTIM";

    private final CurrentStaff staff;
    private final AuditLog audit;
    private final Calendar calendar;
    private final VictimNotifier victims;
    private final Labels labels;
    private final RepeatFinder repeats;
    private final ReportHistory history;
    private final WardService wards;
    private final QueueVisits visits;
    private final CaseAccess access;

    public CaseService(CurrentStaff staff, AuditLog audit, Calendar calendar, VictimNotifier victims, Labels labels,
            RepeatFinder repeats, ReportHistory history, WardService wards, QueueVisits visits, CaseAccess access) {
        this.access = access;
        this.wards = wards;
        this.visits = visits;
        this.staff = staff;
        this.audit = audit;
        this.calendar = calendar;
        this.victims = victims;
        this.labels = labels;
        this.repeats = repeats;
        this.history = history;
    }

    /** The queues this member of staff may work, with open, unassigned and overdue counts. */
    @Transactional
    public List<QueueSummary> myQueues() {
        List<TriageQueue> queues = TriageQueue.<TriageQueue>list("order by name").stream()
                .filter(q -> staff.mayWork(q.id))
                .toList();
        return queues.stream().map(this::summary).toList();
    }

    /** One page of a queue in the filter's order (risk first then oldest by default), continuing after {@code cursor}. */
    @Transactional
    public QueuePage queue(String code, QueueFilter filter, String cursor) {
        return queue(code, filter, cursor, false);
    }

    /**
     * One page of a queue as the officer looks at it in the browser: opening its first page remembers
     * when, and items received since the look before are marked new on every page of this look.
     */
    @Transactional
    public QueuePage look(String code, QueueFilter filter, String cursor) {
        return queue(code, filter, cursor, true);
    }

    private QueuePage queue(String code, QueueFilter filter, String cursor, boolean look) {
        TriageQueue queue = workableQueue(code);
        QueueFilter.Sort sort = filter.sort() == null ? QueueFilter.Sort.RISK : filter.sort();
        StringBuilder where = new StringBuilder("i.queue = :queue");
        Parameters params = Parameters.with("queue", queue);
        switch (filter.statusOrDefault()) {
            case "closed" -> where.append(" and i.openItem = 0");
            case "all" -> { }
            default -> where.append(" and i.openItem = 1");
        }
        // Kind and ward on the queue item's own copies: each leads an index in the queue's order (V021), so the page stays an index walk.
        java.util.Set<Long> hidden = access.hiddenReportIds();
        if (!hidden.isEmpty() && filter.narrowsByDetails()) {
            // A kind, risk or ward filter would tell an officer of another agency what a restricted case is about.
            where.append(" and r.id not in :hidden");
            params.and("hidden", CaseAccess.notIn(hidden));
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            where.append(" and i.categoryCode = :category");
            params.and("category", filter.category());
        }
        if (filter.risk() != null) {
            // On the rank, not the level: the rank is in the worklist index, so the page stays an index walk.
            where.append(" and i.riskRank = :riskRank");
            params.and("riskRank", QueueItem.rankOf(filter.risk()));
        }
        if (filter.ward() != null && !filter.ward().isBlank()) {
            where.append(" and i.wardCode = :ward");
            params.and("ward", filter.ward());
        }
        if ("me".equals(filter.assigned())) {
            where.append(" and i.assignedTo.id = :me");
            params.and("me", staff.account().id);
        } else if ("unassigned".equals(filter.assigned())) {
            where.append(" and i.assignedTo is null");
        }
        if (filter.overdue()) {
            where.append(" and i.status = :new and i.firstContactDueBy < :today");
            params.and("new", QueueItemStatus.NEW).and("today", calendar.today());
        }
        Cursor after = Cursor.decode(cursor);
        if (after != null) {
            // One level of parentheses (and binds before or): nested ones cost Hibernate's parser seconds
            // and, translated by many threads at once after a start, the whole heap.
            where.append(switch (sort) {
                case RISK -> " and (i.riskRank < :rank or i.riskRank = :rank and i.createdAt > :created"
                        + " or i.riskRank = :rank and i.createdAt = :created and i.id > :id)";
                case OLDEST -> " and (i.createdAt > :created or i.createdAt = :created and i.id > :id)";
                case NEWEST -> " and (i.createdAt < :created or i.createdAt = :created and i.id < :id)";
                case DUE -> " and (i.firstContactDueBy > :due or i.firstContactDueBy = :due and i.id > :id)";
            });
            params.and("id", after.id());
            switch (sort) {
                case RISK -> params.and("rank", (int) after.key()).and("created", after.created());
                case OLDEST, NEWEST -> params.and("created", after.created());
                case DUE -> params.and("due", LocalDate.ofEpochDay(after.key()));
            }
        }
        List<QueueItem> rows = "all".equals(filter.statusOrDefault())
                ? openAndClosed(where.toString(), params, sort)
                : worklistPage(where.toString(), params, sort);
        boolean more = rows.size() > PAGE_SIZE;
        List<QueueItem> page = more ? rows.subList(0, PAGE_SIZE) : rows;
        audit.record(staff.username(), "READ_QUEUE", null, queue.code);
        String next = more ? Cursor.of(page.get(page.size() - 1), sort).encode() : null;
        Instant newAfter = look ? visits.lookedBefore(staff.account().id, queue.id, after == null) : null;
        return new QueuePage(summary(queue), page.stream().map(item -> itemView(item, newAfter, hidden)).toList(), next, filter,
                after != null);
    }

    /**
     * The order of each sort, as the index it walks has it: risk by ix_queue_item_worklist (V003, and the
     * ward and kind worklists of V021 when filtered), oldest and newest by ix_queue_item_age (read
     * backwards for newest) and due by ix_queue_item_due (V030). A page filtered by ward or kind in an
     * order other than risk walks the age or due index and skips the items of other wards or kinds.
     */
    private static String orderBy(QueueFilter.Sort sort) {
        return switch (sort) {
            case RISK -> "i.riskRank desc, i.createdAt, i.id";
            case OLDEST -> "i.createdAt, i.id";
            case NEWEST -> "i.createdAt desc, i.id desc";
            case DUE -> "i.firstContactDueBy, i.id";
        };
    }

    /** The same orders in Java, for merging the open and closed pages. */
    private static Comparator<QueueItem> order(QueueFilter.Sort sort) {
        return switch (sort) {
            case RISK -> Comparator.<QueueItem>comparingInt(item -> -item.riskRank)
                    .thenComparing(item -> item.createdAt).thenComparingLong(item -> item.id);
            case OLDEST -> Comparator.<QueueItem, Instant>comparing(item -> item.createdAt).thenComparingLong(item -> item.id);
            case NEWEST -> Comparator.<QueueItem, Instant>comparing(item -> item.createdAt).thenComparingLong(item -> item.id)
                    .reversed();
            case DUE -> Comparator.<QueueItem, LocalDate>comparing(item -> item.firstContactDueBy)
                    .thenComparingLong(item -> item.id);
        };
    }

    /** The first page's worth (and one more) of the items matching {@code where}, in the sort's order. */
    private List<QueueItem> worklistPage(String where, Parameters params, QueueFilter.Sort sort) {
        return QueueItem.<QueueItem>find("select i from QueueItem i join fetch i.report r left join fetch i.assignedTo where "
                        + where + " order by " + orderBy(sort), params)
                .page(0, PAGE_SIZE + 1).list();
    }

    /**
     * Open and closed items together: the worklist indexes lead with open or closed, so a page of both
     * is the first of each, read as two index walks and merged, rather than every item of the queue read
     * and sorted (1.6 s with a million items).
     */
    private List<QueueItem> openAndClosed(String where, Parameters params, QueueFilter.Sort sort) {
        List<QueueItem> both = new ArrayList<>(worklistPage(where + " and i.openItem = 1", params, sort));
        both.addAll(worklistPage(where + " and i.openItem = 0", params, sort));
        both.sort(order(sort));
        return both.subList(0, Math.min(both.size(), PAGE_SIZE + 1));
    }

    /**
     * A case with its timeline. Audited; a view of a restricted case is audited as such. A case
     * restricted away from the officer's agency fails with its stub ({@link CaseRestrictedException}),
     * the look at it audited too.
     */
    @Transactional(dontRollbackOn = CaseRestrictedException.class)
    public CaseView view(String reference) {
        QueueItem item = queueItem(reference, LockModeType.NONE);
        var restriction = access.restriction(item.report.id);
        if (restriction.isPresent() && !access.allowed(restriction.get())) {
            audit.record(staff.username(), "READ_RESTRICTED_STUB", item.report.reference, null);
            throw new CaseRestrictedException(CaseAccess.stub(item, restriction.get()));
        }
        audit.record(staff.username(), "READ_CASE", item.report.reference, null);
        if (restriction.isPresent()) {
            audit.record(staff.username(), "READ_RESTRICTED_CASE", item.report.reference, null);
        }
        return caseView(item);
    }

    /** Takes an unassigned case, or confirms one already held. */
    @Transactional
    public CaseView claim(String reference, int version) {
        QueueItem item = current(reference, version);
        StaffAccount me = staff.account();
        if (item.assignedTo != null && !item.assignedTo.id.equals(me.id)) {
            throw new CaseConflictException("This case is already held by " + item.assignedTo.displayName + ".");
        }
        if (item.assignedTo != null) {
            return caseView(item); // already theirs: a second press changes nothing and records nothing
        }
        assign(item, me, "Claimed by " + me.displayName);
        audit.record(me.username, "CLAIM", reference, null);
        return saved(item);
    }

    /** Gives a case to an officer who may work its queue. */
    @Transactional
    public CaseView assignTo(String reference, int version, String username) {
        QueueItem item = current(reference, version);
        StaffAccount officer = eligibleOfficer(item, username);
        assign(item, officer, "Assigned to " + officer.displayName + " by " + staff.account().displayName);
        audit.record(staff.username(), "ASSIGN", reference, officer.username);
        return saved(item);
    }

    /**
     * Puts a held case back in its queue with nobody holding it, for anyone who works the queue to
     * claim: by its holder, or an admin. A case nobody holds is a conflict (409); anyone else is refused (403).
     */
    @Transactional
    public CaseView release(String reference, int version) {
        QueueItem item = current(reference, version);
        StaffAccount holder = handedOnBy(item);
        StaffAccount me = staff.account();
        item.assignedTo = null;
        item.assignedAt = null;
        item.status = QueueItemStatus.NEW;
        event(item.report, "RELEASED", false, "Released to the queue by " + me.displayName
                + (holder.id.equals(me.id) ? "" : " (held by " + holder.displayName + ")"));
        audit.record(me.username, "RELEASE", reference, holder.username);
        return saved(item);
    }

    /**
     * Hands a held case from its holder to another officer who may work its queue, with an optional
     * note for the timeline: by its holder, or an admin. The note is never audited.
     */
    @Transactional
    public CaseView reassign(String reference, int version, String username, String note) {
        QueueItem item = current(reference, version);
        StaffAccount holder = handedOnBy(item);
        StaffAccount officer = eligibleOfficer(item, username);
        if (officer.id.equals(holder.id)) {
            throw new InvalidSubmissionException("reassignee", officer.displayName + " already holds this case: choose someone else");
        }
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.length() > MAX_HAND_ON_NOTE) {
            throw new InvalidSubmissionException("note", "The note must be " + MAX_HAND_ON_NOTE + " characters or fewer");
        }
        item.assignedTo = officer;
        item.assignedAt = calendar.now();
        item.status = QueueItemStatus.IN_PROGRESS;
        event(item.report, "REASSIGNED", false, "Reassigned from " + holder.displayName + " to " + officer.displayName
                + " by " + staff.account().displayName + (why == null ? "" : ": " + why));
        audit.record(staff.username(), "REASSIGN", reference, officer.username);
        return saved(item);
    }

    /** Who holds the case, when the signed-in officer may hand it on: its holder, or an admin. */
    private StaffAccount handedOnBy(QueueItem item) {
        if (item.assignedTo == null) {
            throw new CaseConflictException("Nobody holds this case: claim it or assign it instead.");
        }
        if (!mayHandOn(item)) {
            throw new ForbiddenException("Only the officer who holds a case, or an administrator, may release or reassign it");
        }
        return item.assignedTo;
    }

    private boolean mayHandOn(QueueItem item) {
        return item.assignedTo != null && item.status != QueueItemStatus.CLOSED
                && (item.assignedTo.id.equals(staff.account().id) || staff.hasRole(Role.ADMIN));
    }

    /** An active officer granted the case's queue, or an admin; a field error otherwise. */
    private static StaffAccount eligibleOfficer(QueueItem item, String username) {
        return StaffAccount.findByUsername(username == null ? "" : username.strip())
                .filter(a -> eligible(a, item))
                .orElseThrow(() -> new InvalidSubmissionException("assignee", "Choose an officer who works this queue"));
    }

    private static boolean eligible(StaffAccount account, QueueItem item) {
        return account.active && (account.hasRole(Role.ADMIN) || account.queueIds.contains(item.queue.id));
    }

    /** Moves a case to another queue (another team or agency), with the reason. */
    @Transactional
    public CaseView transfer(String reference, int version, String queueCode, String reason) {
        QueueItem item = current(reference, version);
        TriageQueue target = TriageQueue.findByCode(queueCode == null ? "" : queueCode)
                .orElseThrow(() -> new InvalidSubmissionException("queue", "Choose the queue to transfer the case to"));
        if (target.id.equals(item.queue.id)) {
            throw new InvalidSubmissionException("queue", "The case is already in this queue");
        }
        String why = requireText("reason", reason, "Give the reason for the transfer");
        String from = item.queue.name;
        item.queue = target;
        item.assignedTo = null;
        item.assignedAt = null;
        item.status = QueueItemStatus.NEW;
        event(item.report, "TRANSFERRED", false, "Transferred from " + from + " to " + target.name + ": " + why);
        event(item.report, "TRANSFERRED", true, "Your report has been passed to the " + target.name + ".");
        audit.record(staff.username(), "TRANSFER", reference, from + " -> " + target.code);
        return saved(item);
    }

    /** Adds a note for staff or an update the victim sees. The history is never changed. */
    @Transactional
    public CaseView addUpdate(String reference, String text, boolean isPublic) {
        QueueItem item = workableItem(reference, LockModeType.PESSIMISTIC_WRITE);
        String message = requireText("text", text, isPublic ? "Write the update for the victim" : "Write the note");
        event(item.report, isPublic ? "PUBLIC_UPDATE" : "NOTE", isPublic, message);
        if (isPublic) {
            history.updatedPublicly(item.report);
        }
        audit.record(staff.username(), isPublic ? "PUBLIC_UPDATE" : "NOTE", reference, null);
        return saved(item);
    }

    /** Closes a case with its outcome, and tells the victim. */
    @Transactional
    public CaseView close(String reference, int version, Outcome outcome) {
        QueueItem item = current(reference, version);
        if (outcome == null) {
            throw new InvalidSubmissionException("outcome", "Choose the outcome");
        }
        closeAs(item, outcome);
        audit.record(staff.username(), "CLOSE", reference, outcome.name());
        return saved(item);
    }

    /** Closes the case with its outcome and writes the closure the victim sees (and is emailed). */
    void closeAs(QueueItem item, Outcome outcome) {
        item.status = QueueItemStatus.CLOSED;
        item.closedAt = calendar.now();
        item.outcome = outcome;
        victims.recorded(history.close(item.report, "We have closed your report. Outcome: " + outcome.label() + ".",
                staff.username()));
    }

    /** The version of a case as it is now, for callers that change it without tracking versions. */
    @Transactional
    public int currentVersion(String reference) {
        return workableItem(reference).version;
    }

    /** Whether the signed-in officer may work this queue (after a transfer, the case may have left theirs). */
    @Transactional
    public boolean mayWorkQueue(String code) {
        return TriageQueue.findByCode(code).map(q -> staff.mayWork(q.id)).orElse(false);
    }

    /** Every queue, for transfers. */
    @Transactional
    public List<TriageQueue> allQueues() {
        return TriageQueue.list("order by name");
    }

    /** The officers who may be given cases in this case's queue: those granted it, and every active admin. */
    @Transactional
    public List<StaffAccount> officersFor(String reference) {
        QueueItem item = workableItem(reference);
        return StaffAccount.<StaffAccount>list("active = true order by displayName").stream()
                .filter(a -> eligible(a, item))
                .toList();
    }

    /** The officers who may be given the cases of one of my queues: those granted it, and every active admin. */
    @Transactional
    public List<StaffAccount> officersForQueue(String code) {
        TriageQueue queue = workableQueue(code);
        return StaffAccount.<StaffAccount>list("active = true order by displayName").stream()
                .filter(a -> a.hasRole(Role.ADMIN) || a.queueIds.contains(queue.id))
                .toList();
    }

    /**
     * Whether a case is open; fails as {@link #workableItem} does when the officer may not work it.
     * Not audited: nothing of the case is shown.
     */
    @Transactional
    boolean isOpen(String reference) {
        return workableItem(reference).status != QueueItemStatus.CLOSED;
    }

    /** The officers a held case may be reassigned to: those who may be given it, but its holder. */
    @Transactional
    public List<StaffAccount> reassigneesFor(String reference) {
        QueueItem item = workableItem(reference);
        return officersFor(reference).stream()
                .filter(a -> item.assignedTo == null || !a.id.equals(item.assignedTo.id))
                .toList();
    }

    private void assign(QueueItem item, StaffAccount officer, String message) {
        item.assignedTo = officer;
        item.assignedAt = calendar.now();
        item.status = QueueItemStatus.IN_PROGRESS;
        event(item.report, "ASSIGNED", false, message);
        ReportEvent firstContact = history.takeUp(item.report, staff.username());
        if (firstContact != null) {
            victims.recorded(firstContact);
        }
    }

    /** Writes the change now, so a concurrent change by someone else is reported here as a conflict. */
    CaseView saved(QueueItem item) {
        QueueItem.flush();
        return caseView(item);
    }

    /**
     * The case to change, as last saved: its queue item and report stay locked until the change
     * commits, so a simultaneous change of the same case waits and then finds the new version,
     * instead of both writing history and deadlocking on the report.
     */
    QueueItem current(String reference, int version) {
        QueueItem item = workableItem(reference, LockModeType.PESSIMISTIC_WRITE);
        if (item.version != version) {
            throw new CaseConflictException("Someone else changed this case while you were looking at it. "
                    + "Nothing you did was saved: check the case again and redo your change.");
        }
        if (item.status == QueueItemStatus.CLOSED) {
            throw new CaseConflictException("This case is already closed.");
        }
        return item;
    }

    /**
     * Fails as {@link #workableItem} does when the case is unknown or not among the officer's queues,
     * without loading it: for checks made before cases are locked in a fixed order.
     */
    void ensureWorkable(String reference) {
        Object[] ids = Report.getEntityManager()
                .createQuery("select i.queue.id, i.report.id from QueueItem i where i.report.reference = :reference", Object[].class)
                .setParameter("reference", AccessCodes.normaliseReference(reference))
                .getResultStream().findFirst().orElseThrow(CaseNotFoundException::new);
        if (!staff.mayWork((Long) ids[0])) {
            throw new CaseNotFoundException();
        }
        if (!access.maySeeDetails((Long) ids[1])) {
            throw new CaseRestrictedException(access.stub(workableQueueItem(reference)));
        }
    }

    private QueueItem workableQueueItem(String reference) {
        return queueItem(reference, LockModeType.NONE);
    }

    QueueItem workableItem(String reference) {
        return workableItem(reference, LockModeType.NONE);
    }

    /** The case, when the officer may work its queue and see its details (403 with the stub when restricted away). */
    QueueItem workableItem(String reference, LockModeType lock) {
        QueueItem item = queueItem(reference, lock);
        access.requireDetails(item);
        return item;
    }

    /** The case, when the officer may work its queue, whether or not they may see its details. */
    private QueueItem queueItem(String reference, LockModeType lock) {
        QueueItem item = QueueItem.<QueueItem>find("select i from QueueItem i join fetch i.report r where r.reference = ?1",
                        AccessCodes.normaliseReference(reference))
                .withLock(lock)
                .firstResultOptional()
                .orElseThrow(CaseNotFoundException::new);
        if (!staff.mayWork(item.queue.id)) {
            throw new CaseNotFoundException();
        }
        return item;
    }

    /** One of the officer's queues, or a 404 that says no more than for a queue that does not exist. */
    TriageQueue workableQueue(String code) {
        return TriageQueue.findByCode(code)
                .filter(q -> staff.mayWork(q.id))
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("No such queue among yours"));
    }

    /** The counts a queue is shown with; each is answered from an index alone (V007). */
    private QueueSummary summary(TriageQueue queue) {
        long open = QueueItem.count("queue = ?1 and openItem = 1", queue);
        long unassigned = QueueItem.count("queue = ?1 and openItem = 1 and assignedTo is null", queue);
        long overdue = QueueItem.count("queue = ?1 and status = ?2 and firstContactDueBy < ?3",
                queue, QueueItemStatus.NEW, calendar.today());
        return new QueueSummary(queue.code, queue.name, queue.description, open, unassigned, overdue);
    }

    /**
     * A row of a queue or of search results; new when received after {@code newAfter} (none when null);
     * a stub when the case is among {@code hidden} (restricted away from the officer's agency).
     */
    QueueItemView itemView(QueueItem item, Instant newAfter, java.util.Set<Long> hidden) {
        Report report = item.report;
        boolean isNew = newAfter != null && item.createdAt.isAfter(newAfter);
        String assignee = item.assignedTo == null ? null : item.assignedTo.displayName;
        if (hidden.contains(report.id)) {
            CaseViews.RestrictedCase stub = access.stub(item);
            return new QueueItemView(report.reference, "Restricted", null, null, item.status, assignee, item.createdAt,
                    item.firstContactDueBy, overdue(item), false, "Restricted", "Ask " + stub.askName() + ", "
                    + stub.askOrganisation(), isNew, true, stub.askName(), stub.askOrganisation());
        }
        return new QueueItemView(report.reference, report.category.name, item.riskLevel, report.wardCode, item.status,
                assignee, item.createdAt, item.firstContactDueBy,
                overdue(item), report.possibleDuplicate, shortened(report.locationDescription, PLACE_LENGTH),
                shortened(report.description, SUMMARY_LENGTH), isNew, false, null, null);
    }

    /**
     * The text on one line, cut at the last space before {@code length} characters (or at it, for one
     * long word) with an ellipsis when longer. Never splits a surrogate pair.
     */
    static String shortened(String text, int length) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= length) {
            return line;
        }
        String cut = line.substring(0, line.offsetByCodePoints(0, length));
        int space = cut.lastIndexOf(' ');
        return (space > length / 2 ? cut.substring(0, space) : cut).strip() + "…";
    }

    boolean overdue(QueueItem item) {
        return item.status == QueueItemStatus.NEW && item.firstContactDueBy.isBefore(calendar.today());
    }

    private CaseView caseView(QueueItem item) {
        Report report = item.report;
        boolean seesContact = seesPersonalDetails();
        Contact contact = report.anonymous || !seesContact ? null
                : new Contact(report.reporterName, report.reporterEmail, report.reporterPhone,
                        report.preferredContact == null ? null : report.preferredContact.name(),
                        report.safeContact == null ? null : Labels.safeContact(List.of(report.safeContact.split(","))),
                        report.safeContactTimes);
        List<TimelineEntry> timeline = ReportEvent.<ReportEvent>list("report = ?1 order by occurredAt, id", report).stream()
                .map(e -> new TimelineEntry(e.occurredAt, e.kind, e.isPublic, e.actor, e.message))
                .toList();
        List<LinkedReport> links = new ArrayList<>();
        for (ReportLink link : ReportLink.findFor(report)) {
            boolean outgoing = link.report.id.equals(report.id);
            Report other = outgoing ? link.linkedReport : link.report;
            links.add(new LinkedReport(other.reference, link.reason, linkLabel(link.reason, outgoing), link.distanceMetres));
        }
        List<Perpetrator> perpetrators = Perpetrator.linkedTo(report.id);
        List<CasePerpetrator> sharing = CasePerpetrator.othersSharing(report.id, perpetrators.stream().map(p -> p.id).toList());
        Map<Long, String> references = references(sharing.stream().map(l -> l.reportId).distinct().toList());
        sharing.stream().map(l -> references.get(l.reportId)).distinct()
                .forEach(other -> links.add(new LinkedReport(other, SAME_PERPETRATOR, "Same perpetrator", null)));
        if (seesContact) {
            repeats.sameVictim(report).forEach(other -> links.add(new LinkedReport(other.reference, SAME_VICTIM, "Same victim", null)));
        }
        return new CaseView(report.reference, report.status, item.status, report.category.name, report.description,
                report.peopleInvolved, report.occurredOn, report.occurredTime == null ? null : report.occurredTime.toString(),
                report.stillHappening, report.locationDescription, report.town, report.wardCode, report.riskLevel,
                report.riskReasons.isEmpty() ? List.of() : Arrays.asList(report.riskReasons.split("\n")),
                report.anonymous, report.reporterRole.name(), contact, item.queue.code, item.queue.name,
                item.assignedTo == null ? null : item.assignedTo.displayName,
                item.assignedTo != null && item.assignedTo.id.equals(staff.account().id), item.firstContactDueBy, overdue(item),
                item.version, report.submittedAt, timeline, links,
                CaseAction.findFor(report).stream().map(this::actionView).toList(),
                seesContact ? perpetrators.stream().map(p -> perpetratorView(p, sharing, references)).toList() : List.of(),
                repeats.flags(report, perpetrators.stream().map(p -> p.id).toList()),
                report.wardCode == null ? null : wards.find(report.wardCode).map(WardRef::name).orElse(report.wardCode),
                report.consentToShare, report.frequency == null ? null : Labels.frequency(report.frequency.name()),
                report.youngPeopleInvolved, mayHandOn(item), safeguarding(item));
    }

    /** The case's restriction and exploitation flag, as the officer allowed to see it gets them. */
    private CaseViews.Safeguarding safeguarding(QueueItem item) {
        var restriction = access.restriction(item.report.id);
        boolean mayFlag = item.status != QueueItemStatus.CLOSED;
        if (restriction.isEmpty()) {
            return new CaseViews.Safeguarding(false, null, null, null, List.of(), mayManageRestriction(item),
                    item.exploitationConcern, mayFlag);
        }
        CaseRestriction r = restriction.get();
        List<String> agencies = r.organisationIds.isEmpty() ? List.of()
                : org.asbportal.security.Organisation.<org.asbportal.security.Organisation>list("id in ?1 order by name",
                        r.organisationIds).stream().map(o -> o.name).toList();
        return new CaseViews.Safeguarding(true, r.reason, r.restrictedBy.displayName + " (" + r.restrictedBy.organisation.name + ")",
                r.restrictedAt, agencies, mayManageRestriction(item), item.exploitationConcern, mayFlag);
    }

    /**
     * Whether the officer may restrict the case, change who may see it, or lift the restriction: its
     * holder, a triage officer (who coordinates the queues) or an administrator, provided they may see
     * its details.
     */
    boolean mayManageRestriction(QueueItem item) {
        return access.maySeeDetails(item.report.id)
                && (item.assignedTo != null && item.assignedTo.id.equals(staff.account().id)
                        || staff.hasRole(Role.TRIAGE_OFFICER) || staff.hasRole(Role.ADMIN));
    }

    /** Reporter contact and perpetrator details: only for the roles that work cases with people. */
    boolean seesPersonalDetails() {
        return staff.hasRole(Role.ADMIN) || staff.hasRole(Role.TRIAGE_OFFICER) || staff.hasRole(Role.CASEWORKER);
    }

    private PerpetratorView perpetratorView(Perpetrator p, List<CasePerpetrator> sharing, Map<Long, String> references) {
        List<String> others = sharing.stream().filter(l -> l.perpetratorId.equals(p.id))
                .map(l -> references.get(l.reportId)).distinct().toList();
        return new PerpetratorView(p.id, p.name, p.aliases, p.dateOfBirth, name(p.ageBand), label(labels.ageBands(), p.ageBand),
                p.address, p.description, p.notes, name(p.sex), label(labels.sexes(), p.sex), name(p.ethnicity),
                label(labels.ethnicities(), p.ethnicity), name(p.disability), label(labels.disabilities(), p.disability), others);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String label(List<Labels.Option> options, Enum<?> value) {
        return value == null ? "Not known" : options.stream().filter(o -> o.value().equals(value.name()))
                .map(Labels.Option::label).findFirst().orElse(value.name());
    }

    /** The references of these reports, by id. */
    private static Map<Long, String> references(List<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> references = new java.util.HashMap<>();
        for (Object[] row : Report.getEntityManager()
                .createQuery("select r.id, r.reference from Report r where r.id in :ids", Object[].class)
                .setParameter("ids", reportIds).getResultList()) {
            references.put((Long) row[0], (String) row[1]);
        }
        return references;
    }

    ActionView actionView(CaseAction action) {
        boolean overdue = action.status == ActionStatus.OPEN && action.dueOn.isBefore(calendar.today());
        return new ActionView(action.id, action.type, action.type.label(), action.description, action.ownerName,
                action.ownerAccount == null ? null : action.ownerAccount.username, action.dueOn, action.status,
                action.status.label(), action.result, action.recordedBy, action.recordedAt, action.completedBy,
                action.completedAt, overdue, action.version, action.appliesWhere, action.appliesFrom, action.appliesUntil);
    }

    private static String linkLabel(String reason, boolean outgoing) {
        return switch (reason) {
            case ReportLink.NEARBY -> "Possible duplicate nearby";
            case ReportLink.SAME_LOCATION -> "Possible duplicate at the same place";
            case ReportLink.LINKED_BY_STAFF -> "Linked by staff";
            case ReportLink.MERGED_AS_DUPLICATE -> outgoing ? "This case was closed as a duplicate of it"
                    : "Closed as a duplicate of this case";
            default -> reason;
        };
    }

    void event(Report report, String kind, boolean isPublic, String message) {
        victims.recorded(history.record(report, kind, isPublic, message, staff.username()));
    }

    static String requireText(String field, String text, String message) {
        if (text == null || text.isBlank()) {
            throw new InvalidSubmissionException(field, message);
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidSubmissionException(field, "Must be 4,000 characters or fewer");
        }
        return text.strip();
    }

    /**
     * Where a page of a queue ends: the sort key of its last item. {@code key} is the risk rank in the
     * risk order, the due date's epoch day in the due order, and unused (0) by age.
     */
    record Cursor(long key, Instant created, long id) {

        static Cursor of(QueueItem item, QueueFilter.Sort sort) {
            return switch (sort) {
                case RISK -> new Cursor(item.riskRank, item.createdAt, item.id);
                case OLDEST, NEWEST -> new Cursor(0, item.createdAt, item.id);
                case DUE -> new Cursor(item.firstContactDueBy.toEpochDay(), Instant.EPOCH, item.id);
            };
        }

        String encode() {
            String raw = key + ":" + created.getEpochSecond() + ":" + created.getNano() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
                return new Cursor(Long.parseLong(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1]),
                        Long.parseLong(parts[2])), Long.parseLong(parts[3]));
            } catch (RuntimeException e) {
                // Anything that does not decode to a position (bad Base64, too few parts, not numbers,
                // a time outside what an Instant holds) is a page link this service did not make.
                throw new InvalidSubmissionException("cursor", "The page link is not valid: start from the first page");
            }
        }
    }
}
