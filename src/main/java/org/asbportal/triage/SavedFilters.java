package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.List;

import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.triage.QueueTools.SavedFilterLink;
import org.asbportal.web.Calendar;
import org.asbportal.web.InvalidSubmissionException;

/**
 * An officer's saved queue filters: a name for a queue's filters and order, shown to them alone as a
 * link on the queue page. Saving and deleting are audited (the queue, never the name).
 */
@ApplicationScoped
public class SavedFilters {

    static final int MAX_NAME = 60;
    /** The most filters one officer keeps for one queue. */
    static final int MAX_PER_QUEUE = 20;

    private final CaseService cases;
    private final CurrentStaff staff;
    private final AuditLog audit;
    private final Calendar calendar;

    public SavedFilters(CaseService cases, CurrentStaff staff, AuditLog audit, Calendar calendar) {
        this.cases = cases;
        this.staff = staff;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** The signed-in officer's filters of one of their queues, by name. */
    @Transactional
    public List<SavedFilterLink> links(String code) {
        TriageQueue queue = cases.workableQueue(code);
        return SavedFilter.of(staff.account().id, queue.id).stream()
                .map(f -> new SavedFilterLink(f.id, f.name, "/staff/queues/" + queue.code + (f.query.isEmpty() ? "" : "?" + f.query)))
                .toList();
    }

    /** Saves the queue's filter (as its page's address has it) under a name of the officer's own. */
    @Transactional
    public SavedFilter save(String code, String name, String query) {
        TriageQueue queue = cases.workableQueue(code);
        long me = staff.account().id;
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidSubmissionException("filter-name", "Enter a name for the filter");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidSubmissionException("filter-name", "The name must be " + MAX_NAME + " characters or fewer");
        }
        if (SavedFilter.count("accountId = ?1 and queueId = ?2 and name = ?3", me, queue.id, trimmed) > 0) {
            throw new InvalidSubmissionException("filter-name", "You already have a filter called " + trimmed + ": choose another name");
        }
        if (SavedFilter.count("accountId = ?1 and queueId = ?2", me, queue.id) >= MAX_PER_QUEUE) {
            throw new InvalidSubmissionException("filter-name", "You can keep " + MAX_PER_QUEUE
                    + " filters for a queue: delete one first");
        }
        SavedFilter filter = new SavedFilter();
        filter.accountId = me;
        filter.queueId = queue.id;
        filter.name = trimmed;
        filter.query = QueueFilter.parse(query).query();
        filter.createdAt = calendar.now();
        filter.persist();
        audit.record(staff.username(), "SAVE_FILTER", null, queue.code);
        return filter;
    }

    /** Deletes one of the officer's own filters; anyone else's, or none, is not found. */
    @Transactional
    public void delete(String code, long id) {
        TriageQueue queue = cases.workableQueue(code);
        SavedFilter filter = SavedFilter.<SavedFilter>findByIdOptional(id)
                .filter(f -> f.accountId.equals(staff.account().id) && f.queueId.equals(queue.id))
                .orElseThrow(() -> new NotFoundException("No such filter among yours"));
        filter.delete();
        audit.record(staff.username(), "DELETE_FILTER", null, queue.code);
    }
}
