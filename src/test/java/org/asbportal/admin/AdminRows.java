package org.asbportal.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.asbportal.report.ReportRows;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.triage.TriageRows.Audit;

/** What the administration pages left in the database, read with plain JDBC. */
final class AdminRows {

    private final DataSource dataSource;
    private final ReportRows rows;

    AdminRows(DataSource dataSource) {
        this.dataSource = dataSource;
        this.rows = new ReportRows(dataSource);
    }

    List<Row> rows(String sql, Object... parameters) {
        return rows.rows(sql, parameters);
    }

    int count(String sql, Object... parameters) {
        return rows.count(sql, parameters);
    }

    Row account(String username) {
        List<Row> found = rows("SELECT * FROM staff_account WHERE username = ?", username);
        if (found.size() != 1) {
            throw new AssertionError("No account " + username);
        }
        return found.get(0);
    }

    long accountId(String username) {
        return account(username).number("id");
    }

    int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long lastAuditId() {
        return rows("SELECT COALESCE(MAX(id), 0) AS last_id FROM audit_entry").get(0).number("last_id");
    }

    List<Audit> auditAfter(long afterId) {
        return rows("SELECT * FROM audit_entry WHERE id > ? ORDER BY id", afterId).stream()
                .map(r -> new Audit(r.string("actor"), r.string("action"), r.string("reference"), r.string("detail")))
                .toList();
    }

    /** The audit entries of one action written after entry {@code afterId}. */
    List<Audit> auditAfter(long afterId, String action) {
        return auditAfter(afterId).stream().filter(a -> a.action().equals(action)).toList();
    }
}
