package org.asbportal.figures;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.asbportal.category.CategoryService;
import org.asbportal.report.ReportFacts;
import org.asbportal.trigger.TriggerFigures;
import org.asbportal.ward.WardService;

/**
 * The counting queries behind ward summaries, the district picture and the public figures. Every query
 * is parameterised and reads the counts {@link WardCounts} keeps by ward and month; what only other
 * features know (the places reports describe, the reports case review applications cite, the kinds of
 * behaviour) is asked of them. Callers own the transaction.
 */
@ApplicationScoped
class WardStatistics {

    /** Portal reports of one month, kind of behaviour, status and risk level. */
    record PortalCell(String month, String category, boolean closed, String risk, long count) {
    }

    /** Incidents at a place: a police location text, or a portal report's place when {@code portal}. */
    record Place(String wardCode, String location, boolean portal, long count) {
    }

    /** A kind of behaviour as reference data. */
    record CategoryRow(String code, String name, String group) {
    }

    private final AgroalDataSource dataSource;
    private final ReportFacts reports;
    private final CategoryService categories;
    private final TriggerFigures triggers;
    private final WardService wards;

    WardStatistics(AgroalDataSource dataSource, ReportFacts reports, CategoryService categories, TriggerFigures triggers,
            WardService wards) {
        this.wards = wards;
        this.dataSource = dataSource;
        this.reports = reports;
        this.categories = categories;
        this.triggers = triggers;
    }

    List<CategoryRow> categories() {
        return categories.all().stream().map(c -> new CategoryRow(c.code(), c.name(), c.group().name())).toList();
    }

    /** Whether any police-recorded incident has been imported. */
    boolean anyPoliceData() {
        return !query("SELECT 1 FROM police_incident LIMIT 1", rows -> rows.getInt(1)).isEmpty();
    }

    /** Community Trigger applications received in the range that cite a portal report in the ward. */
    long triggerApplications(String ward, MonthRange range) {
        List<TriggerFigures.CitedReport> cited = triggers.reportsCited(range.start(), range.end());
        Map<Long, String> wards = reports.wardsOf(cited.stream().map(TriggerFigures.CitedReport::reportId).distinct().toList());
        return cited.stream().filter(c -> ward.equals(wards.get(c.reportId()))).map(TriggerFigures.CitedReport::applicationId)
                .distinct().count();
    }

    List<PortalCell> portalCells(String ward, MonthRange range) {
        return query("SELECT DATE_FORMAT(month, '%Y-%m'), category_code, closed, risk_level, SUM(n) AS c FROM ward_month_count "
                + "WHERE ward_code = ? AND month >= ? AND month <= ? AND source = 'PORTAL' "
                + "GROUP BY month, category_code, closed, risk_level HAVING c <> 0",
                rows -> new PortalCell(rows.getString(1), rows.getString(2), rows.getBoolean(3), rows.getString(4),
                        rows.getLong(5)),
                ward, first(range), last(range));
    }

    /** Police incidents by month ("YYYY-MM"). */
    Map<String, Long> policeByMonth(String ward, MonthRange range) {
        Map<String, Long> counts = new HashMap<>();
        query("SELECT DATE_FORMAT(month, '%Y-%m'), SUM(n) FROM ward_month_count WHERE ward_code = ? "
                + "AND month >= ? AND month <= ? AND source = 'POLICE' GROUP BY month",
                rows -> counts.put(rows.getString(1), rows.getLong(2)), ward, first(range), last(range));
        return counts;
    }

    /** How many reports took each number of seconds from receipt to an officer first taking them up. */
    NavigableMap<Long, Long> secondsToFirstContact(String ward, MonthRange range) {
        return durations(ward, range, "FIRST_CONTACT");
    }

    /** How many closures took each number of seconds from receipt. */
    NavigableMap<Long, Long> secondsToClosure(String ward, MonthRange range) {
        return durations(ward, range, "CLOSURE");
    }

    private NavigableMap<Long, Long> durations(String ward, MonthRange range, String kind) {
        NavigableMap<Long, Long> counts = new TreeMap<>();
        query("SELECT seconds, n FROM ward_month_duration WHERE ward_code = ? AND month >= ? AND month <= ? AND kind = ?",
                rows -> counts.merge(rows.getLong(1), rows.getLong(2), Long::sum), ward, first(range), last(range), kind);
        counts.values().removeIf(n -> n == 0);
        return counts;
    }

    /** Police locations in the ward with at least {@code min} incidents, most first. */
    List<Place> policeLocations(String ward, MonthRange range, int min, int limit) {
        return query("SELECT location, SUM(n) AS c FROM ward_month_place WHERE ward_code = ? AND month >= ? "
                + "AND month <= ? GROUP BY location HAVING c >= ? ORDER BY c DESC, location LIMIT ?",
                rows -> new Place(ward, rows.getString(1), false, rows.getLong(2)), ward, first(range), last(range), min, limit);
    }

    /** Repeat places across the district: police locations and the places portal reports describe. */
    List<Place> districtPlaces(MonthRange range, int min, int limit) {
        List<Place> places = new ArrayList<>(query("SELECT ward_code, location, SUM(n) AS c FROM ward_month_place "
                + "WHERE month >= ? AND month <= ? GROUP BY ward_code, location HAVING c >= ? ORDER BY c DESC, location LIMIT ?",
                rows -> new Place(ward(rows.getString(1)), rows.getString(2), false, rows.getLong(3)),
                first(range), last(range), min, limit));
        reports.describedPlaces(range.start(), range.end(), min, limit)
                .forEach(p -> places.add(new Place(p.wardCode(), p.place(), true, p.reports())));
        places.sort((a, b) -> Long.compare(b.count(), a.count()));
        return places.size() > limit ? places.subList(0, limit) : places;
    }

    /** Portal reports by weekday (0 Monday) and hour when the behaviour happened: [weekday][hour]; null ward for all. */
    long[][] pattern(String ward, MonthRange range) {
        long[][] cells = new long[7][24];
        query("SELECT weekday, hour, SUM(n) FROM ward_month_hour WHERE "
                + (ward == null ? "" : "ward_code = ? AND") + " month >= ? AND month <= ? GROUP BY weekday, hour",
                rows -> cells[rows.getInt(1)][rows.getInt(2)] = rows.getLong(3),
                ward == null ? new Object[] {first(range), last(range)} : new Object[] {ward, first(range), last(range)});
        return cells;
    }

    /** Portal reports across the district by month received ("YYYY-MM"). */
    Map<String, Long> districtPortalByMonth(MonthRange range) {
        return districtByMonth(range, "PORTAL");
    }

    /** Police incidents across the district (in a ward or not) by month. */
    Map<String, Long> districtPoliceByMonth(MonthRange range) {
        return districtByMonth(range, "POLICE");
    }

    private Map<String, Long> districtByMonth(MonthRange range, String source) {
        Map<String, Long> counts = new HashMap<>();
        query("SELECT DATE_FORMAT(month, '%Y-%m'), SUM(n) FROM ward_month_count WHERE month >= ? AND month <= ? "
                + "AND source = ? GROUP BY month",
                rows -> counts.put(rows.getString(1), rows.getLong(2)), first(range), last(range), source);
        return counts;
    }

    /** Portal reports by ward (null: no ward) over the range. */
    Map<String, Long> portalByWard(MonthRange range) {
        return byWard(range, "PORTAL");
    }

    /** Police incidents by ward (null: outside the wards) over the range. */
    Map<String, Long> policeByWard(MonthRange range) {
        return byWard(range, "POLICE");
    }

    private Map<String, Long> byWard(MonthRange range, String source) {
        Map<String, Long> counts = new HashMap<>();
        query("SELECT ward_code, SUM(n) FROM ward_month_count WHERE month >= ? AND month <= ? AND source = ? GROUP BY ward_code",
                rows -> counts.put(ward(rows.getString(1)), rows.getLong(2)), first(range), last(range), source);
        return counts;
    }

    /** Portal reports and police incidents by ward and month: ward code → "YYYY-MM" → count. */
    Map<String, Map<String, Long>> byWardAndMonth(MonthRange range) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        query("SELECT ward_code, DATE_FORMAT(month, '%Y-%m'), SUM(n) FROM ward_month_count WHERE ward_code <> '' "
                + "AND month >= ? AND month <= ? GROUP BY ward_code, month",
                rows -> counts.computeIfAbsent(rows.getString(1), k -> new HashMap<>()).merge(rows.getString(2), rows.getLong(3), Long::sum),
                first(range), last(range));
        return counts;
    }

    /** Ward populations recorded in the ward table. */
    Map<String, Integer> recordedPopulations() {
        return new HashMap<>(wards.populations());
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

    /** A ward code as the counts keep it: '' for none. */
    private static String ward(String code) {
        return code == null || code.isEmpty() ? null : code;
    }

    private static Date first(MonthRange range) {
        return Date.valueOf(range.from().atDay(1));
    }

    private static Date last(MonthRange range) {
        return Date.valueOf(range.to().atDay(1));
    }
}
