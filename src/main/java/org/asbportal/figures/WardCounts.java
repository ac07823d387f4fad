package org.asbportal.figures;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.asbportal.report.ReportChanges;
import org.asbportal.report.ReportFacts;

/**
 * The counts ward summaries, the district picture and the public figures read (tables
 * {@code ward_month_count}, {@code ward_month_hour}, {@code ward_month_duration} and
 * {@code ward_month_place}), kept exact in the transaction of the change that moves them. A report's
 * share is what {@link ReportFacts} says of it: it is added when the report is received, and taken
 * away and added again around a change that can move it ({@link ReportChanges}), so the counts always
 * equal a recount. Police incidents are this feature's own rows.
 */
@ApplicationScoped
public class WardCounts {

    private static final String UPSERT = " ON DUPLICATE KEY UPDATE n = n + VALUES(n)";
    private static final String COUNT = "INSERT INTO ward_month_count (ward_code, month, source, category_code, closed, "
            + "risk_level, n) VALUES (?, ?, 'PORTAL', ?, ?, ?, ?)" + UPSERT;
    private static final String HOUR = "INSERT INTO ward_month_hour (ward_code, month, weekday, hour, n) VALUES (?, ?, ?, ?, ?)"
            + UPSERT;
    private static final String DURATION = "INSERT INTO ward_month_duration (ward_code, month, kind, seconds, n) "
            + "VALUES (?, ?, ?, ?, ?)" + UPSERT;
    private static final String FIRST_CONTACT = "FIRST_CONTACT";
    private static final String CLOSURE = "CLOSURE";

    /** Police incidents of the months the filter keeps. */
    private static final String[] POLICE = {
        "INSERT INTO ward_month_count (ward_code, month, source, category_code, closed, risk_level, n) "
            + "SELECT COALESCE(p.ward_code, ''), p.month, 'POLICE', '', FALSE, '', COUNT(*) FROM police_incident p "
            + "WHERE {filter} GROUP BY 1, 2",
        "INSERT INTO ward_month_place (ward_code, month, location, n) "
            + "SELECT COALESCE(p.ward_code, ''), p.month, p.location, COUNT(*) FROM police_incident p "
            + "WHERE p.location IS NOT NULL AND {filter} GROUP BY 1, 2, 3",
    };

    private final AgroalDataSource dataSource;
    private final ReportFacts reports;

    public WardCounts(AgroalDataSource dataSource, ReportFacts reports) {
        this.dataSource = dataSource;
        this.reports = reports;
    }

    /** Counts a report just received (with its queue item and history). */
    void received(@Observes ReportChanges.Received received) {
        reports.of(received.reportId()).ifPresent(fact -> share(List.of(fact), 1));
    }

    /** Takes a report's share away before a change that can move it... */
    void changing(@Observes ReportChanges.Changing changing) {
        reports.of(changing.reportId()).ifPresent(fact -> share(List.of(fact), -1));
    }

    /** ...and adds it again once the change is made. */
    void changed(@Observes ReportChanges.Changed changed) {
        reports.of(changed.reportId()).ifPresent(fact -> share(List.of(fact), 1));
    }

    /** Counts the police incidents of these months again, after an import replaced some of them. */
    @Transactional(TxType.MANDATORY)
    void policeMonths(Collection<YearMonth> months) {
        try (Connection connection = dataSource.getConnection()) {
            for (YearMonth month : new TreeSet<>(months)) {
                Date first = Date.valueOf(month.atDay(1));
                update(connection, "DELETE FROM ward_month_count WHERE month = ? AND source = 'POLICE'", first);
                update(connection, "DELETE FROM ward_month_place WHERE month = ?", first);
                for (String sql : POLICE) {
                    update(connection, sql.replace("{filter}", "p.month = ?"), first);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the police incidents again", e);
        }
    }

    /**
     * Counts everything again from the reports and the police incidents, as after ward boundaries are
     * replaced, in the caller's transaction (which should allow for a minute or so per million rows).
     */
    @Transactional(TxType.MANDATORY)
    public void rebuildAll() {
        try (Connection connection = dataSource.getConnection()) {
            for (String table : new String[] {"ward_month_count", "ward_month_hour", "ward_month_duration", "ward_month_place"}) {
                update(connection, "DELETE FROM " + table);
            }
            for (String sql : POLICE) {
                update(connection, sql.replace("{filter}", "TRUE"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the ward figures again", e);
        }
        Map<List<Object>, Integer> counts = new HashMap<>();
        Map<List<Object>, Integer> hours = new HashMap<>();
        Map<List<Object>, Integer> durations = new HashMap<>();
        reports.forEach(fact -> add(fact, 1, counts, hours, durations));
        write(counts, hours, durations);
    }

    private void share(List<ReportFacts.Fact> facts, int sign) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        Map<List<Object>, Integer> hours = new HashMap<>();
        Map<List<Object>, Integer> durations = new HashMap<>();
        facts.forEach(fact -> add(fact, sign, counts, hours, durations));
        write(counts, hours, durations);
    }

    private static void add(ReportFacts.Fact fact, int sign, Map<List<Object>, Integer> counts,
            Map<List<Object>, Integer> hours, Map<List<Object>, Integer> durations) {
        Date month = Date.valueOf(fact.month());
        counts.merge(List.of(fact.wardCode(), month, fact.categoryCode(), fact.closed(), fact.riskLevel()), sign, Integer::sum);
        if (fact.hour() != null && fact.weekday() != null) {
            hours.merge(List.of(fact.wardCode(), month, fact.weekday(), fact.hour()), sign, Integer::sum);
        }
        if (fact.firstContactSeconds() != null) {
            durations.merge(List.of(fact.wardCode(), month, FIRST_CONTACT, fact.firstContactSeconds()), sign, Integer::sum);
        }
        if (fact.closureSeconds() != null) {
            durations.merge(List.of(fact.wardCode(), month, CLOSURE, fact.closureSeconds()), sign, Integer::sum);
        }
    }

    private void write(Map<List<Object>, Integer> counts, Map<List<Object>, Integer> hours, Map<List<Object>, Integer> durations) {
        try (Connection connection = dataSource.getConnection()) {
            batch(connection, COUNT, counts);
            batch(connection, HOUR, hours);
            batch(connection, DURATION, durations);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count reports in their wards", e);
        }
    }

    private static void batch(Connection connection, String sql, Map<List<Object>, Integer> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Map.Entry<List<Object>, Integer> row : rows.entrySet()) {
                List<Object> key = row.getKey();
                for (int i = 0; i < key.size(); i++) {
                    statement.setObject(i + 1, key.get(i));
                }
                statement.setInt(key.size() + 1, row.getValue());
                statement.addBatch();
                if (++pending == 1000) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
