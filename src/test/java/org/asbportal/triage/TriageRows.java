package org.asbportal.triage;

import java.util.List;

import javax.sql.DataSource;

import org.asbportal.report.ReportRows;
import org.asbportal.report.ReportRows.Row;

/**
 * What staff work left in the database, read with plain JDBC: the queue item with its queue and
 * holder, the report's history and the audit log.
 */
public final class TriageRows {

    /** One audit entry, as {@code actor ACTION}, for comparing trails. */
    public record Audit(String actor, String action, String reference, String detail) {

        public String trail() {
            return actor + " " + action;
        }
    }

    private final ReportRows rows;

    public TriageRows(DataSource dataSource) {
        this.rows = new ReportRows(dataSource);
    }

    public ReportRows reports() {
        return rows;
    }

    /** The report's queue item, with {@code queue_code} and the holder's {@code assignee} username. */
    public Row item(String reference) {
        List<Row> items = rows.rows("SELECT q.*, t.code AS queue_code, s.username AS assignee FROM queue_item q "
                + "JOIN report r ON r.id = q.report_id JOIN triage_queue t ON t.id = q.queue_id "
                + "LEFT JOIN staff_account s ON s.id = q.assigned_to WHERE r.reference = ?", reference);
        if (items.size() != 1) {
            throw new AssertionError("Report " + reference + " has " + items.size() + " queue items");
        }
        return items.get(0);
    }

    public Row report(String reference) {
        return rows.report(reference);
    }

    public List<Row> events(String reference) {
        return rows.events(reference);
    }

    public List<Row> events(String reference, String kind) {
        return events(reference).stream().filter(e -> kind.equals(e.string("kind"))).toList();
    }

    /** The audit entries of a case, oldest first. */
    public List<Audit> audit(String reference) {
        return rows.rows("SELECT * FROM audit_entry WHERE reference = ? ORDER BY id", reference).stream()
                .map(TriageRows::audit).toList();
    }

    /** The audit entries written after entry {@code afterId}, oldest first. */
    public List<Audit> auditAfter(long afterId) {
        return rows.rows("SELECT * FROM audit_entry WHERE id > ? ORDER BY id", afterId).stream()
                .map(TriageRows::audit).toList();
    }

    public long lastAuditId() {
        return rows.rows("SELECT COALESCE(MAX(id), 0) AS last_id FROM audit_entry").get(0).number("last_id");
    }

    public long staffId(String username) {
        return rows.rows("SELECT id FROM staff_account WHERE username = ?", username).get(0).number("id");
    }

    private static Audit audit(Row row) {
        return new Audit(row.string("actor"), row.string("action"), row.string("reference"), row.string("detail"));
    }
}
