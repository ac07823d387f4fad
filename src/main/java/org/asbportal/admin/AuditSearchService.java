package org.asbportal.admin;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.asbportal.security.AuditEntry;
import org.asbportal.web.CalendarConfig;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;

/**
 * Searches the audit log newest first, 25 entries a page, continuing after the last entry shown
 * (keyset pagination on time and id). Each filter is one the indexes on actor, case reference and
 * time serve.
 */
@ApplicationScoped
public class AuditSearchService {

    static final int PAGE_SIZE = 25;

    /** One audit entry as the results show it. */
    public record AuditRow(long id, Instant at, String actor, String action, String reference, String detail) {
    }

    /** A page of results; {@code next} continues after the last of them, null on the last page. */
    public record AuditPage(List<AuditRow> entries, AuditFilter filter, String next, boolean continued) {
    }

    /** The entry a page continues after. */
    record Cursor(Instant at, long id) {

        static Cursor decode(String value) {
            String text = Forms.trimmed(value);
            if (text == null) {
                return null;
            }
            String[] parts = text.split("-");
            try {
                if (parts.length == 3) {
                    return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                            Long.parseLong(parts[2]));
                }
            } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
                // reported below
            }
            throw new InvalidSubmissionException("cursor", "This page link is not valid. Search again from the newest entries");
        }

        String encode() {
            return at.getEpochSecond() + "-" + at.getNano() + "-" + id;
        }
    }

    private final CalendarConfig zone;

    public AuditSearchService(CalendarConfig zone) {
        this.zone = zone;
    }

    @Transactional
    public AuditPage search(AuditFilter filter, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = date(filter.from(), "from", "The from date", errors);
        LocalDate to = date(filter.to(), "to", "The to date", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "The to date must be the same as or after the from date"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        Cursor after = Cursor.decode(cursor);
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.actor() != null) {
            where.append(" and actor = :actor");
            params.and("actor", filter.actor());
        }
        if (filter.action() != null) {
            where.append(" and action = :action");
            params.and("action", filter.action());
        }
        if (filter.reference() != null) {
            where.append(" and reference = :reference");
            params.and("reference", filter.reference());
        }
        if (from != null) {
            where.append(" and occurredAt >= :from");
            params.and("from", from.atStartOfDay(zone.zone()).toInstant());
        }
        if (to != null) {
            where.append(" and occurredAt < :to");
            params.and("to", to.plusDays(1).atStartOfDay(zone.zone()).toInstant());
        }
        if (after != null) {
            // One level of parentheses (and binds before or): nested ones cost Hibernate's parser seconds
            // and, translated by many threads at once after a start, the whole heap.
            where.append(" and (occurredAt < :at or occurredAt = :at and id < :id)");
            params.and("at", after.at()).and("id", after.id());
        }
        List<AuditEntry> rows = AuditEntry.<AuditEntry>find(where + " order by occurredAt desc, id desc", params)
                .page(0, PAGE_SIZE + 1).list();
        boolean more = rows.size() > PAGE_SIZE;
        List<AuditEntry> page = more ? rows.subList(0, PAGE_SIZE) : rows;
        String next = more ? new Cursor(page.get(page.size() - 1).occurredAt, page.get(page.size() - 1).id).encode() : null;
        return new AuditPage(page.stream().map(e -> new AuditRow(e.id, e.occurredAt, e.actor, e.action, e.reference, e.detail))
                .toList(), filter, next, after != null);
    }

    private static LocalDate date(String value, String field, String label, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() >= 2000 && date.getYear() <= 2999) {
                return date;
            }
        } catch (DateTimeException e) {
            // reported below
        }
        errors.add(new FieldError(field, label + " must be a real date, like 2026-11-27"));
        return null;
    }
}
