package org.asbportal.ward;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counting queries behind ward summaries, the district picture and the public figures. Every query
 * is parameterised and reads through an index: portal reports by ward and time received, police
 * incidents by ward and month. Callers own the transaction.
 */
@ApplicationScoped
class WardStatistics {

    /** Portal reports of one month, kind of behaviour, status and risk level. */
    record PortalCell(String month, String category, String status, String risk, long count) {
    }

    /** Incidents at a place: a police location text, or a portal report's place when {@code portal}. */
    record Place(String wardCode, String location, boolean portal, long count) {
    }

    /** A kind of behaviour as reference data. */
    record CategoryRow(String code, String name, String group) {
    }

    private static final String PORTAL_RANGE = " submitted_at >= ? AND submitted_at < ?";

    private final AgroalDataSource dataSource;

    WardStatistics(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<CategoryRow> categories() {
        return query("SELECT code, name, category_group FROM category ORDER BY sort_order, code",
                rows -> new CategoryRow(rows.getString(1), rows.getString(2), rows.getString(3)));
    }

    List<PortalCell> portalCells(String ward, MonthRange range) {
        return query("SELECT DATE_FORMAT(submitted_at, '%Y-%m') AS m, category_code, status, risk_level, COUNT(*) "
                + "FROM report WHERE ward_code = ? AND" + PORTAL_RANGE + " GROUP BY m, category_code, status, risk_level",
                rows -> new PortalCell(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getLong(5)),
                ward, utc(range.start()), utc(range.end()));
    }

    /** Police incidents by month ("YYYY-MM"). */
    Map<String, Long> policeByMonth(String ward, MonthRange range) {
        Map<String, Long> counts = new HashMap<>();
        query("SELECT DATE_FORMAT(month, '%Y-%m'), COUNT(*) FROM police_incident WHERE ward_code = ? "
                + "AND month >= ? AND month <= ? GROUP BY month",
                rows -> counts.put(rows.getString(1), rows.getLong(2)), ward, first(range), last(range));
        return counts;
    }

    /** Seconds from receipt to an officer first taking the report up, per report. */
    List<Long> secondsToFirstContact(String ward, MonthRange range) {
        return query("SELECT TIMESTAMPDIFF(SECOND, r.submitted_at, MIN(e.occurred_at)) FROM report r "
                + "JOIN report_event e ON e.report_id = r.id AND e.kind = 'IN_PROGRESS' "
                + "WHERE r.ward_code = ? AND r.submitted_at >= ? AND r.submitted_at < ? GROUP BY r.id, r.submitted_at",
                rows -> rows.getLong(1), ward, utc(range.start()), utc(range.end()));
    }

    /** Seconds from receipt to closure, per closed report. */
    List<Long> secondsToClosure(String ward, MonthRange range) {
        return query("SELECT TIMESTAMPDIFF(SECOND, r.submitted_at, q.closed_at) FROM report r "
                + "JOIN queue_item q ON q.report_id = r.id "
                + "WHERE r.ward_code = ? AND r.submitted_at >= ? AND r.submitted_at < ? AND q.closed_at IS NOT NULL",
                rows -> rows.getLong(1), ward, utc(range.start()), utc(range.end()));
    }

    long triggerApplications(String ward, MonthRange range) {
        return query("SELECT COUNT(DISTINCT c.application_id) FROM trigger_complaint c "
                + "JOIN report r ON r.id = c.report_id JOIN trigger_application a ON a.id = c.application_id "
                + "WHERE r.ward_code = ? AND a.submitted_at >= ? AND a.submitted_at < ?",
                rows -> rows.getLong(1), ward, utc(range.start()), utc(range.end())).get(0);
    }

    /** Police locations in the ward with at least {@code min} incidents, most first. */
    List<Place> policeLocations(String ward, MonthRange range, int min, int limit) {
        return query("SELECT location, COUNT(*) AS n FROM police_incident WHERE ward_code = ? AND month >= ? "
                + "AND month <= ? AND location IS NOT NULL GROUP BY location HAVING n >= ? ORDER BY n DESC, location LIMIT ?",
                rows -> new Place(ward, rows.getString(1), false, rows.getLong(2)), ward, first(range), last(range), min, limit);
    }

    /** Repeat places across the district: police locations and the places portal reports describe. */
    List<Place> districtPlaces(MonthRange range, int min, int limit) {
        List<Place> places = new ArrayList<>(query("SELECT ward_code, location, COUNT(*) AS n FROM police_incident "
                + "WHERE month >= ? AND month <= ? AND location IS NOT NULL GROUP BY ward_code, location HAVING n >= ? "
                + "ORDER BY n DESC, location LIMIT ?",
                rows -> new Place(rows.getString(1), rows.getString(2), false, rows.getLong(3)),
                first(range), last(range), min, limit));
        places.addAll(query("SELECT ward_code, location_description, COUNT(*) AS n FROM report WHERE" + PORTAL_RANGE
                + " GROUP BY ward_code, location_description HAVING n >= ? ORDER BY n DESC, location_description LIMIT ?",
                rows -> new Place(rows.getString(1), rows.getString(2), true, rows.getLong(3)),
                utc(range.start()), utc(range.end()), min, limit));
        places.sort((a, b) -> Long.compare(b.count(), a.count()));
        return places.size() > limit ? places.subList(0, limit) : places;
    }

    /** Portal reports by weekday (0 Monday) and hour when the behaviour happened: [weekday][hour]; null ward for all. */
    long[][] pattern(String ward, MonthRange range) {
        long[][] cells = new long[7][24];
        query("SELECT WEEKDAY(occurred_on), HOUR(occurred_time), COUNT(*) FROM report WHERE "
                + (ward == null ? "" : "ward_code = ? AND") + PORTAL_RANGE
                + " AND occurred_time IS NOT NULL GROUP BY 1, 2",
                rows -> cells[rows.getInt(1)][rows.getInt(2)] = rows.getLong(3),
                ward == null ? new Object[] {utc(range.start()), utc(range.end())}
                        : new Object[] {ward, utc(range.start()), utc(range.end())});
        return cells;
    }

    /** Portal reports across the district by month received ("YYYY-MM"). */
    Map<String, Long> districtPortalByMonth(MonthRange range) {
        Map<String, Long> counts = new HashMap<>();
        query("SELECT DATE_FORMAT(submitted_at, '%Y-%m') AS m, COUNT(*) FROM report WHERE" + PORTAL_RANGE + " GROUP BY m",
                rows -> counts.put(rows.getString(1), rows.getLong(2)), utc(range.start()), utc(range.end()));
        return counts;
    }

    /** Police incidents across the district (in a ward or not) by month. */
    Map<String, Long> districtPoliceByMonth(MonthRange range) {
        Map<String, Long> counts = new HashMap<>();
        query("SELECT DATE_FORMAT(month, '%Y-%m'), COUNT(*) FROM police_incident WHERE month >= ? AND month <= ? GROUP BY month",
                rows -> counts.put(rows.getString(1), rows.getLong(2)), first(range), last(range));
        return counts;
    }

    /** Portal reports by ward (null: no ward) over the range. */
    Map<String, Long> portalByWard(MonthRange range) {
        Map<String, Long> counts = new HashMap<>();
        query("SELECT ward_code, COUNT(*) FROM report WHERE" + PORTAL_RANGE + " GROUP BY ward_code",
                rows -> counts.put(rows.getString(1), rows.getLong(2)), utc(range.start()), utc(range.end()));
        return counts;
    }

    /** Police incidents by ward (null: outside the wards) over the range. */
    Map<String, Long> policeByWard(MonthRange range) {
        Map<String, Long> counts = new HashMap<>();
        query("SELECT ward_code, COUNT(*) FROM police_incident WHERE month >= ? AND month <= ? GROUP BY ward_code",
                rows -> counts.put(rows.getString(1), rows.getLong(2)), first(range), last(range));
        return counts;
    }

    /** Portal reports and police incidents by ward and month: ward code → "YYYY-MM" → count. */
    Map<String, Map<String, Long>> byWardAndMonth(MonthRange range) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        query("SELECT ward_code, DATE_FORMAT(submitted_at, '%Y-%m') AS m, COUNT(*) FROM report WHERE ward_code IS NOT NULL AND"
                + PORTAL_RANGE + " GROUP BY ward_code, m",
                rows -> counts.computeIfAbsent(rows.getString(1), k -> new HashMap<>()).merge(rows.getString(2), rows.getLong(3), Long::sum),
                utc(range.start()), utc(range.end()));
        query("SELECT ward_code, DATE_FORMAT(month, '%Y-%m'), COUNT(*) FROM police_incident WHERE ward_code IS NOT NULL "
                + "AND month >= ? AND month <= ? GROUP BY ward_code, month",
                rows -> counts.computeIfAbsent(rows.getString(1), k -> new HashMap<>()).merge(rows.getString(2), rows.getLong(3), Long::sum),
                first(range), last(range));
        return counts;
    }

    /** Ward populations recorded in the ward table. */
    Map<String, Integer> recordedPopulations() {
        Map<String, Integer> populations = new HashMap<>();
        query("SELECT code, population FROM ward WHERE population IS NOT NULL",
                rows -> populations.put(rows.getString(1), rows.getInt(2)));
        return populations;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<T> results = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    results.add(mapper.map(rows));
                }
            }
            return results;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count ward statistics", e);
        }
    }

    private static LocalDateTime utc(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Date first(MonthRange range) {
        return Date.valueOf(range.from().atDay(1));
    }

    private static Date last(MonthRange range) {
        return Date.valueOf(range.to().atDay(1));
    }
}
