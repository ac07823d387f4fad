package org.asbportal.figures;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The counts ward summaries, the district picture and the public figures read (tables
 * {@code ward_month_count}, {@code ward_month_hour}, {@code ward_month_duration} and
 * {@code ward_month_place}), kept exact in the transaction of the change that moves them. A report's
 * share is what the base tables say of it: it is added when the report is received, and taken away
 * and added again around a change that can move it, so the counts always equal a recount.
 */
@ApplicationScoped
public class WardCounts {

    private static final String MONTH = "DATE_FORMAT(r.submitted_at, '%Y-%m-01')";
    private static final String UPSERT = " ON DUPLICATE KEY UPDATE n = n + VALUES(n)";

    /** A report's share, for the reports the filter keeps (the sign comes first, then the filter's parameters). */
    private static final String[] PORTAL = {
        "INSERT INTO ward_month_count (ward_code, month, source, category_code, closed, risk_level, n) "
            + "SELECT COALESCE(r.ward_code, ''), " + MONTH + ", 'PORTAL', r.category_code, r.status = 'CLOSED', "
            + "r.risk_level, COUNT(*) * ? FROM report r WHERE {filter} GROUP BY 1, 2, 4, 5, 6" + UPSERT,
        "INSERT INTO ward_month_hour (ward_code, month, weekday, hour, n) "
            + "SELECT COALESCE(r.ward_code, ''), " + MONTH + ", WEEKDAY(r.occurred_on), HOUR(r.occurred_time), COUNT(*) * ? "
            + "FROM report r WHERE r.occurred_time IS NOT NULL AND {filter} GROUP BY 1, 2, 3, 4" + UPSERT,
        "INSERT INTO ward_month_duration (ward_code, month, kind, seconds, n) "
            + "SELECT x.ward_code, x.month, 'FIRST_CONTACT', x.seconds, COUNT(*) * ? "
            + "FROM (SELECT COALESCE(r.ward_code, '') AS ward_code, " + MONTH + " AS month, "
            + "TIMESTAMPDIFF(SECOND, r.submitted_at, MIN(e.occurred_at)) AS seconds "
            + "FROM report r JOIN report_event e ON e.report_id = r.id AND e.kind = 'IN_PROGRESS' WHERE {filter} "
            + "GROUP BY r.id, r.ward_code, r.submitted_at) x GROUP BY 1, 2, 4" + UPSERT,
        "INSERT INTO ward_month_duration (ward_code, month, kind, seconds, n) "
            + "SELECT COALESCE(r.ward_code, ''), " + MONTH + ", 'CLOSURE', TIMESTAMPDIFF(SECOND, r.submitted_at, q.closed_at), "
            + "COUNT(*) * ? FROM report r JOIN queue_item q ON q.report_id = r.id WHERE q.closed_at IS NOT NULL AND {filter} "
            + "GROUP BY 1, 2, 4" + UPSERT,
    };

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
    private final EntityManager entities;

    public WardCounts(AgroalDataSource dataSource, EntityManager entities) {
        this.dataSource = dataSource;
        this.entities = entities;
    }

    /** Counts a report just received (with its queue item and history), in the transaction that saves it. */
    @Transactional(TxType.MANDATORY)
    public void received(long reportId) {
        entities.flush();
        share(reportId, 1);
    }

    /**
     * Makes a change to a report that can move its counts (its status, its first contact, its
     * closure): its share as saved is taken away, the change made and written, and its share added again.
     */
    @Transactional(TxType.MANDATORY)
    public void change(long reportId, Runnable change) {
        share(reportId, -1);
        change.run();
        entities.flush();
        share(reportId, 1);
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
     * Counts everything again from the base tables, as after ward boundaries are replaced, in the
     * caller's transaction (which should allow for a minute or so per million rows).
     */
    @Transactional(TxType.MANDATORY)
    public void rebuildAll() {
        entities.flush();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : new String[] {"ward_month_count", "ward_month_hour", "ward_month_duration", "ward_month_place"}) {
                update(connection, "DELETE FROM " + table);
            }
            for (String sql : PORTAL) {
                update(connection, sql.replace("{filter}", "TRUE"), 1);
            }
            for (String sql : POLICE) {
                update(connection, sql.replace("{filter}", "TRUE"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the ward figures again", e);
        }
    }

    private void share(long reportId, int sign) {
        try (Connection connection = dataSource.getConnection()) {
            for (String sql : PORTAL) {
                update(connection, sql.replace("{filter}", "r.id = ?"), sign, reportId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the report in its ward", e);
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
