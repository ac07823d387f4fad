package org.asbportal.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Reads what a request left in the database, with plain parameterised JDBC: the report, its queue
 * item, history, links and equality monitoring. Rows are maps keyed by lower-case column name.
 */
public final class ReportRows {

    /** One database row. */
    public record Row(Map<String, Object> columns) {

        public Object get(String column) {
            if (!columns.containsKey(column)) {
                throw new IllegalArgumentException("No column " + column + " in " + columns.keySet());
            }
            return columns.get(column);
        }

        public String string(String column) {
            Object value = get(column);
            return value == null ? null : value.toString();
        }

        public boolean bool(String column) {
            Object value = get(column);
            if (value instanceof Boolean b) {
                return b;
            }
            if (value instanceof Number n) {
                return n.intValue() != 0;
            }
            throw new IllegalStateException(column + " is " + value);
        }

        public long number(String column) {
            return ((Number) get(column)).longValue();
        }

        public LocalDate date(String column) {
            Object value = get(column);
            if (value instanceof java.sql.Date d) {
                return d.toLocalDate();
            }
            return value == null ? null : (LocalDate) value;
        }
    }

    private final DataSource dataSource;

    public ReportRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Row> findReport(String reference) {
        return first("SELECT * FROM report WHERE reference = ?", reference);
    }

    public Row report(String reference) {
        return findReport(reference).orElseThrow(() -> new AssertionError("No report row " + reference));
    }

    public int countReportsWithDescription(String description) {
        return count("SELECT COUNT(*) FROM report WHERE description = ?", description);
    }

    public int countReportsAt(String locationDescription) {
        return count("SELECT COUNT(*) FROM report WHERE location_description = ?", locationDescription);
    }

    /** The queue items of a report, with the queue's code as {@code queue_code}. */
    public List<Row> queueItems(String reference) {
        return rows("SELECT q.*, t.code AS queue_code FROM queue_item q JOIN report r ON r.id = q.report_id "
                + "JOIN triage_queue t ON t.id = q.queue_id WHERE r.reference = ?", reference);
    }

    /** The report's single queue item; fails unless there is exactly one. */
    public Row queueItem(String reference) {
        List<Row> items = queueItems(reference);
        if (items.size() != 1) {
            throw new AssertionError("Report " + reference + " has " + items.size() + " queue items");
        }
        return items.get(0);
    }

    public List<Row> events(String reference) {
        return rows("SELECT e.* FROM report_event e JOIN report r ON r.id = e.report_id WHERE r.reference = ? "
                + "ORDER BY e.occurred_at, e.id", reference);
    }

    public List<String> eventKinds(String reference) {
        return events(reference).stream().map(e -> e.string("kind")).toList();
    }

    /** Links made when the report was saved, with the linked report's reference as {@code linked_reference}. */
    public List<Row> linksFrom(String reference) {
        return rows("SELECT l.*, o.reference AS linked_reference FROM report_link l JOIN report r ON r.id = l.report_id "
                + "JOIN report o ON o.id = l.linked_report_id WHERE r.reference = ?", reference);
    }

    public Optional<Row> equality(String reference) {
        return first("SELECT m.* FROM equality_monitoring m JOIN report r ON r.id = m.report_id WHERE r.reference = ?",
                reference);
    }

    public int count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0).columns().values().iterator().next()).intValue();
    }

    private Optional<Row> first(String sql, Object... parameters) {
        List<Row> rows = rows(sql, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs an update, for a test that needs a row as time would have left it; returns the rows changed. */
    public int update(String sql, Object... parameters) {
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

    public List<Row> rows(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet results = statement.executeQuery()) {
                ResultSetMetaData meta = results.getMetaData();
                List<Row> rows = new ArrayList<>();
                while (results.next()) {
                    Map<String, Object> columns = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        columns.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), results.getObject(c));
                    }
                    rows.add(new Row(columns));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
