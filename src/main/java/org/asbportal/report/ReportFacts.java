package org.asbportal.report;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What is counted of each report, read from the report's own tables for the features that count
 * reports (the ward figures): they never read those tables themselves. Months are those the report
 * was received in (UTC); first contact is the first "in progress" entry of its history and closure its
 * "closed" entry.
 */
@ApplicationScoped
public class ReportFacts {

    /**
     * One report as counted. {@code weekday} (0 Monday) and {@code hour} are when the behaviour
     * happened, null when no time was given; the durations are seconds from receipt, null until then.
     */
    public record Fact(long reportId, String wardCode, LocalDate month, String categoryCode, boolean closed,
            String riskLevel, Integer weekday, Integer hour, Long firstContactSeconds, Long closureSeconds) {
    }

    private static final String SELECT = "SELECT r.id, COALESCE(r.ward_code, ''), DATE_FORMAT(r.submitted_at, '%Y-%m-01'), "
            + "r.category_code, r.status = 'CLOSED', r.risk_level, "
            + "IF(r.occurred_time IS NULL, NULL, WEEKDAY(r.occurred_on)), HOUR(r.occurred_time), "
            + "TIMESTAMPDIFF(SECOND, r.submitted_at, (SELECT MIN(e.occurred_at) FROM report_event e "
            + "WHERE e.report_id = r.id AND e.kind = 'IN_PROGRESS')), "
            + "TIMESTAMPDIFF(SECOND, r.submitted_at, (SELECT MIN(e.occurred_at) FROM report_event e "
            + "WHERE e.report_id = r.id AND e.kind = '" + ReportHistory.CLOSED + "')) FROM report r";

    private final AgroalDataSource dataSource;
    private final EntityManager entities;

    public ReportFacts(AgroalDataSource dataSource, EntityManager entities) {
        this.dataSource = dataSource;
        this.entities = entities;
    }

    /** The report as counted now, changes of this transaction included. */
    @Transactional(TxType.MANDATORY)
    public Optional<Fact> of(long reportId) {
        entities.flush();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT + " WHERE r.id = ?")) {
            select.setLong(1, reportId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(fact(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read what is counted of a report", e);
        }
    }

    /** Every report as counted, one at a time (never all held in memory). */
    @Transactional(TxType.MANDATORY)
    public void forEach(Consumer<Fact> each) {
        entities.flush();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setFetchSize(1000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    each.accept(fact(row));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read what is counted of the reports", e);
        }
    }

    /** A place portal reports describe, in a ward, and how many reports describe it. */
    public record DescribedPlace(String wardCode, String place, long reports) {
    }

    /**
     * Places described by at least {@code min} reports received from {@code from} (included) to
     * {@code to} (excluded), most first. The description is the resident's own text: for staff only.
     */
    @Transactional
    public List<DescribedPlace> describedPlaces(Instant from, Instant to, int min, int limit) {
        List<DescribedPlace> places = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT ward_code, location_description, COUNT(*) AS n "
                        + "FROM report WHERE submitted_at >= ? AND submitted_at < ? GROUP BY ward_code, location_description "
                        + "HAVING n >= ? ORDER BY n DESC, location_description LIMIT ?")) {
            select.setObject(1, LocalDateTime.ofInstant(from, ZoneOffset.UTC));
            select.setObject(2, LocalDateTime.ofInstant(to, ZoneOffset.UTC));
            select.setInt(3, min);
            select.setInt(4, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    places.add(new DescribedPlace(rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the places reports describe", e);
        }
        return places;
    }

    /** The ward each of these reports is in (reports in no ward are left out). */
    @Transactional
    public Map<Long, String> wardsOf(Collection<Long> reportIds) {
        Map<Long, String> wards = new HashMap<>();
        if (reportIds.isEmpty()) {
            return wards;
        }
        Report.<Report>list("id in ?1 and wardCode is not null", reportIds).forEach(r -> wards.put(r.id, r.wardCode));
        return wards;
    }

    private static Fact fact(ResultSet row) throws SQLException {
        return new Fact(row.getLong(1), row.getString(2), LocalDate.parse(row.getString(3)), row.getString(4),
                row.getBoolean(5), row.getString(6), (Integer) row.getObject(7, Integer.class),
                (Integer) row.getObject(8, Integer.class), (Long) row.getObject(9, Long.class), (Long) row.getObject(10, Long.class));
    }
}
