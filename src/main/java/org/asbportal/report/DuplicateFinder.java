package org.asbportal.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.asbportal.web.Calendar;
import org.asbportal.web.SerialisationRetry;

/**
 * Finds earlier reports that may describe the same behaviour: the same category, happening within
 * the configured number of days, either within the configured distance of each other's map point
 * or, without map points, at the same described place in the same ward (or both in no known ward). They are linked for
 * triage to look at, never rejected.
 *
 * <p>Linking follows the report's own transaction, once it is committed, in short transactions of its
 * own: reports sent at the same moment about one place each see the others once they are committed,
 * so every two of them are linked, once, the later (by id) to the earlier, up to the configured
 * number of earlier reports (the earliest: {@code asb.report.duplicates.max-links}). The reports a link
 * touches are locked in the order of their ids before anything is written, so two reports being
 * linked at once wait for each other instead of deadlocking.
 */
@ApplicationScoped
public class DuplicateFinder {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;
    private static final List<String> DUPLICATE_REASONS = List.of(ReportLink.NEARBY, ReportLink.SAME_LOCATION);

    private final ReportConfig config;
    private final Calendar calendar;
    private final ReportHistory history;
    private final SerialisationRetry retry;

    public DuplicateFinder(ReportConfig config, Calendar calendar, ReportHistory history, SerialisationRetry retry) {
        this.calendar = calendar;
        this.config = config;
        this.history = history;
        this.retry = retry;
    }

    /** A committed report that may be a duplicate, and why. */
    private record Candidate(long id, String reason, Integer metres) {
    }

    /**
     * Links the committed report {@code reference} to its possible duplicates and flags both sides, in
     * transactions of its own; returns whether the report is flagged as a possible duplicate.
     */
    public boolean linkPossibleDuplicates(String reference) {
        Found found = retry.inNewTransaction(() -> candidates(reference));
        if (found.candidates().isEmpty()) {
            return false;
        }
        retry.inNewTransaction(() -> link(found.reportId(), found.candidates()));
        return true;
    }

    private record Found(long reportId, List<Candidate> candidates) {
    }

    /**
     * The reports committed so far that {@code reference} may duplicate: a plain read, locking nothing.
     * Only candidates are read, through indexes: map points inside a box around the report's own (then
     * the exact distance), and reports at the same described place in the same ward. Without a map
     * point on both sides, the described place decides; with one on both, the distance.
     */
    private Found candidates(String reference) {
        Report.DuplicateFacts report = Report.findDuplicateFacts(reference).orElseThrow();
        int window = config.duplicates().windowDays();
        LocalDate from = report.occurredOn().minusDays(window);
        LocalDate to = report.occurredOn().plusDays(window);
        List<Candidate> candidates = new ArrayList<>();
        if (report.hasPoint()) {
            double latitude = report.latitude().doubleValue();
            double longitude = report.longitude().doubleValue();
            int limit = config.duplicates().distanceMetres();
            Box box = Box.around(latitude, longitude, limit);
            for (Report.Nearby other : Report.findSameCategoryInBox(report.categoryCode(), from, to,
                    box.minLatitude(), box.maxLatitude(), box.minLongitude(), box.maxLongitude(), report.id())) {
                double metres = distanceMetres(latitude, longitude, other.latitude().doubleValue(), other.longitude().doubleValue());
                if (metres <= limit) {
                    candidates.add(new Candidate(other.id(), ReportLink.NEARBY, (int) Math.round(metres)));
                }
            }
        }
        if (report.placeNormalised() != null) {
            String place = normalise(report.locationDescription());
            for (Report.Nearby other : Report.findSameCategoryAtPlace(report.wardCode(), report.categoryCode(),
                    report.placeNormalised(), from, to, report.id(), report.hasPoint())) {
                // The index finds the place as the database normalises and compares it; the rule is this one.
                if (place.equals(normalise(other.locationDescription()))) {
                    candidates.add(new Candidate(other.id(), ReportLink.SAME_LOCATION, null));
                }
            }
        }
        // The earliest ones, each once (a report can be near and at the same place).
        Map<Long, Candidate> earliest = new TreeMap<>();
        candidates.forEach(candidate -> earliest.putIfAbsent(candidate.id(), candidate));
        return new Found(report.id(), earliest.values().stream().limit(config.duplicates().maxLinks()).toList());
    }

    /**
     * The box of latitudes and longitudes holding every point within {@code metres} of a point on the
     * sphere the distance is measured on, widened by a millionth of a degree (the points' precision).
     * Near a pole or across the 180th meridian it spans every longitude.
     */
    record Box(BigDecimal minLatitude, BigDecimal maxLatitude, BigDecimal minLongitude, BigDecimal maxLongitude) {

        private static final double MARGIN = 0.000_001;

        static Box around(double latitude, double longitude, double metres) {
            double angle = metres / EARTH_RADIUS_METRES;
            double dLatitude = Math.toDegrees(angle) + MARGIN;
            double cos = Math.cos(Math.toRadians(latitude));
            double sinAngle = Math.sin(angle);
            double minLongitude = -180;
            double maxLongitude = 180;
            if (sinAngle < cos) {
                double dLongitude = Math.toDegrees(Math.asin(sinAngle / cos)) + MARGIN;
                if (longitude - dLongitude >= -180 && longitude + dLongitude <= 180) {
                    minLongitude = longitude - dLongitude;
                    maxLongitude = longitude + dLongitude;
                }
            }
            return new Box(degrees(latitude - dLatitude, RoundingMode.FLOOR), degrees(latitude + dLatitude, RoundingMode.CEILING),
                    degrees(minLongitude, RoundingMode.FLOOR), degrees(maxLongitude, RoundingMode.CEILING));
        }

        private static BigDecimal degrees(double value, RoundingMode rounding) {
            return BigDecimal.valueOf(value).setScale(6, rounding);
        }
    }

    /**
     * Locks the report and its candidates in the order of their ids, then (reading after the locks, so
     * seeing what a linking that held them before has committed) adds the links not made yet, with
     * their history entries, and flags every one of them.
     */
    private Void link(long reportId, List<Candidate> candidates) {
        Set<Long> ids = new TreeSet<>();
        ids.add(reportId);
        candidates.forEach(candidate -> ids.add(candidate.id()));
        // One row at a time by primary key, so that only these rows are locked whatever plan the
        // database would choose for a list of ids (a scan of a small table locks every row it reads).
        for (long id : ids) {
            Report.getEntityManager().createNativeQuery("SELECT id FROM report WHERE id = ?1 FOR UPDATE")
                    .setParameter(1, id)
                    .getResultList();
        }
        // Plain SQL here and below: this runs for every report with candidates, often many at once, and
        // HQL's parser, translating a nested condition for the first time in 16 threads together, took
        // the heap with it.
        Set<Long> linked = new HashSet<>();
        List<Object[]> links = Report.getEntityManager().createNativeQuery("SELECT report_id, linked_report_id FROM report_link "
                + "WHERE reason IN (:reasons) AND ((report_id = :id AND linked_report_id IN (:ids)) "
                + "OR (linked_report_id = :id AND report_id IN (:ids)))", Object[].class)
                .setParameter("reasons", DUPLICATE_REASONS)
                .setParameter("id", reportId)
                .setParameter("ids", ids)
                .getResultList();
        for (Object[] link : links) {
            long from = ((Number) link[0]).longValue();
            linked.add(from == reportId ? ((Number) link[1]).longValue() : from);
        }
        for (Candidate candidate : candidates) {
            if (linked.contains(candidate.id())) {
                continue;
            }
            Report later = Report.findById(Math.max(reportId, candidate.id()));
            Report earlier = Report.findById(Math.min(reportId, candidate.id()));
            ReportLink link = new ReportLink();
            link.report = later;
            link.linkedReport = earlier;
            link.reason = candidate.reason();
            link.distanceMetres = candidate.metres();
            link.createdAt = calendar.now();
            link.persist();
            history.record(later, "POSSIBLE_DUPLICATE", false, "Possible duplicate of " + earlier.reference
                    + (candidate.metres() == null ? " (same place)" : " (" + candidate.metres() + " m apart)"),
                    ReportEvent.SYSTEM);
        }
        // A flag only: the version moves so that staff editing one of them see it changed, but no
        // version is checked, so two reports flagging the same earlier one never conflict.
        for (long id : ids) {
            Report.getEntityManager().createNativeQuery("UPDATE report SET possible_duplicate = 1, version = version + 1 "
                    + "WHERE id = ?1 AND possible_duplicate = 0").setParameter(1, id).executeUpdate();
        }
        return null;
    }

    /** Great-circle distance by the haversine formula. */
    public static double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** A described place as compared: lower case, letters and digits only, single spaces. */
    public static String normalise(String place) {
        return place == null ? "" : place.toLowerCase(Locale.UK).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
