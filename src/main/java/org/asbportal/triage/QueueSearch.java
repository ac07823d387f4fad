package org.asbportal.triage;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asbportal.report.Report;
import org.asbportal.security.AccessCodes;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.triage.CaseViews.SearchPage;
import org.asbportal.web.InvalidSubmissionException;

/**
 * Finds cases in the queues a member of staff may work: by reference (exact), or by words in the
 * place or description. A case in a queue they may not work is never found. Audited without the
 * words, which may name a person. A case restricted away from the officer's agency is found by its
 * reference only, as a stub ({@link CaseAccess}).
 */
@ApplicationScoped
public class QueueSearch {

    static final int MAX_QUERY = 200;
    static final int MAX_WORDS = 8;
    /**
     * Words are looked for among the most recent reports that have them, across the partnership, then
     * kept to the officer's queues: a word found in more reports than this is looked for only in the
     * newest of them, and the page says so.
     */
    static final int MAX_MATCHES = 2000;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final CurrentStaff staff;
    private final AuditLog audit;
    private final CaseService cases;
    private final CaseAccess access;

    public QueueSearch(CurrentStaff staff, AuditLog audit, CaseService cases, CaseAccess access) {
        this.access = access;
        this.staff = staff;
        this.audit = audit;
        this.cases = cases;
    }

    /** Page {@code page} (from 1) of the cases matching {@code query}; none for a blank query. */
    @Transactional
    public SearchPage search(String query, int page) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return new SearchPage("", List.of(), 1, false, false);
        }
        if (q.length() > MAX_QUERY) {
            throw new InvalidSubmissionException("q", "Enter " + MAX_QUERY + " characters or fewer");
        }
        int number = Math.min(Math.max(1, page), MAX_MATCHES / CaseService.PAGE_SIZE + 1);
        List<Long> queues = TriageQueue.<TriageQueue>list("order by id").stream().filter(t -> staff.mayWork(t.id))
                .map(t -> t.id).toList();
        audit.record(staff.username(), "SEARCH_QUEUES", null, null);
        if (queues.isEmpty()) {
            return new SearchPage(q, List.of(), number, false, false);
        }
        java.util.Set<Long> hidden = access.hiddenReportIds();
        StringBuilder where = new StringBuilder("i.queue.id in :queues");
        Parameters params = Parameters.with("queues", queues);
        boolean capped = false;
        var reference = AccessCodes.validReference(q);
        if (reference.isPresent()) {
            // Exact, through the report's unique reference index (uq_report_reference).
            where.append(" and r.reference = :reference");
            params.and("reference", reference.get());
        } else {
            List<String> words = words(q);
            List<Long> ids = Report.idsWithWords(words, MAX_MATCHES);
            if (ids.isEmpty()) {
                return new SearchPage(q, List.of(), number, false, false);
            }
            capped = ids.size() == MAX_MATCHES;
            // Words are the case's details: a case restricted away from the officer's agency is never found by them.
            where.append(" and r.id not in :hidden");
            params.and("hidden", CaseAccess.notIn(hidden));
            // At most MAX_MATCHES report ids, each found by the queue item's unique report index.
            where.append(" and r.id in :ids");
            params.and("ids", ids);
        }
        // The page's 25 and one more (range is inclusive), to know whether another page follows.
        List<CaseViews.QueueItemView> items = new ArrayList<>(QueueItem.<QueueItem>find(
                        "select i from QueueItem i join fetch i.report r left join fetch i.assignedTo where " + where
                                + " order by r.id desc", params)
                .range((number - 1) * CaseService.PAGE_SIZE, number * CaseService.PAGE_SIZE).list().stream().map(item -> cases.itemView(item, null, hidden)).toList());
        boolean more = items.size() > CaseService.PAGE_SIZE;
        return new SearchPage(q, more ? items.subList(0, CaseService.PAGE_SIZE) : items, number, more, capped);
    }

    /** The words to look for: letters and digits only (no search operator survives), at most eight. */
    static List<String> words(String query) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(query);
        while (matcher.find() && words.size() < MAX_WORDS) {
            if (matcher.group().codePointCount(0, matcher.group().length()) >= 2) {
                words.add(matcher.group());
            }
        }
        if (words.isEmpty()) {
            throw new InvalidSubmissionException("q", "Enter a reference, like ASB-7K3M-Q9TX, or words of 2 letters or more");
        }
        return words;
    }
}
