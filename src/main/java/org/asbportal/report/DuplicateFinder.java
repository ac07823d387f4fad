package org.asbportal.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.asbportal.web.Calendar;

/**
 * Finds earlier reports that may describe the same behaviour: the same category, happening within
 * the configured number of days, either within the configured distance of each other's map point
 * or, without map points, at the same described place in the same ward. They are linked for
 * triage to look at, never rejected.
 */
@ApplicationScoped
public class DuplicateFinder {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private final ReportConfig config;

    private final Calendar calendar;

    public DuplicateFinder(ReportConfig config, Calendar calendar) {
        this.calendar = calendar;
        this.config = config;
    }

    /** Links {@code report} to its possible duplicates and flags both sides; returns the links made. */
    public List<ReportLink> linkPossibleDuplicates(Report report) {
        int window = config.duplicates().windowDays();
        List<ReportLink> links = new ArrayList<>();
        for (Report other : Report.findSameCategoryBetween(report.category.code,
                report.occurredOn.minusDays(window), report.occurredOn.plusDays(window), report.id)) {
            ReportLink link = compare(report, other);
            if (link != null) {
                link.persist();
                other.possibleDuplicate = true;
                links.add(link);
            }
        }
        report.possibleDuplicate = !links.isEmpty();
        return links;
    }

    private ReportLink compare(Report report, Report other) {
        if (hasPoint(report) && hasPoint(other)) {
            double metres = distanceMetres(report.latitude.doubleValue(), report.longitude.doubleValue(),
                    other.latitude.doubleValue(), other.longitude.doubleValue());
            return metres <= config.duplicates().distanceMetres()
                    ? link(report, other, ReportLink.NEARBY, (int) Math.round(metres))
                    : null;
        }
        boolean samePlace = report.wardCode != null && report.wardCode.equals(other.wardCode)
                && normalise(report.locationDescription).equals(normalise(other.locationDescription));
        return samePlace ? link(report, other, ReportLink.SAME_LOCATION, null) : null;
    }

    /** Great-circle distance by the haversine formula. */
    public static double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static boolean hasPoint(Report report) {
        return report.latitude != null && report.longitude != null;
    }

    /** A described place as compared: lower case, letters and digits only, single spaces. */
    public static String normalise(String place) {
        return place == null ? "" : place.toLowerCase(Locale.UK).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private ReportLink link(Report report, Report other, String reason, Integer metres) {
        ReportLink link = new ReportLink();
        link.report = report;
        link.linkedReport = other;
        link.reason = reason;
        link.distanceMetres = metres;
        link.createdAt = calendar.now();
        return link;
    }
}
