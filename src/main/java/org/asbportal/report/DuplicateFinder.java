package org.asbportal.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.asbportal.web.Calendar;
import org.asbportal.web.SerialisationRetry;

/**
 * Finds earlier reports that may describe the same behaviour: the same category, happening within
 * the configured number of days, either within the configured distance of each other's map point
 * or, without map points, at the same described place in the same ward. They are linked for
 * triage to look at, never rejected.
 *
 * <p>Linking follows the report's own transaction, once it is committed, in short transactions of its
 * own: reports sent at the same moment about one place each see the others once they are committed,
 * so every two of them are linked, once, the later (by id) to the earlier. The reports a link
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

    /** The reports committed so far that {@code reference} may duplicate: a plain read, locking nothing. */
    private Found candidates(String reference) {
        Report report = Report.findByReference(reference).orElseThrow();
        int window = config.duplicates().windowDays();
        List<Candidate> candidates = new ArrayList<>();
        for (Report other : Report.findSameCategoryBetween(report.category.code,
                report.occurredOn.minusDays(window), report.occurredOn.plusDays(window), report.id)) {
            Candidate candidate = compare(report, other);
            if (candidate != null) {
                candidates.add(candidate);
            }
        }
        return new Found(report.id, candidates);
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
        Set<Long> linked = new HashSet<>();
        for (ReportLink link : ReportLink.<ReportLink>list(
                "reason in ?1 and ((report.id = ?2 and linkedReport.id in ?3) or (linkedReport.id = ?2 and report.id in ?3))",
                DUPLICATE_REASONS, reportId, ids)) {
            linked.add(link.report.id == reportId ? link.linkedReport.id : link.report.id);
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
            Report.update("possibleDuplicate = true, version = version + 1 where id = ?1 and possibleDuplicate = false", id);
        }
        return null;
    }

    private Candidate compare(Report report, Report other) {
        if (hasPoint(report) && hasPoint(other)) {
            double metres = distanceMetres(report.latitude.doubleValue(), report.longitude.doubleValue(),
                    other.latitude.doubleValue(), other.longitude.doubleValue());
            return metres <= config.duplicates().distanceMetres()
                    ? new Candidate(other.id, ReportLink.NEARBY, (int) Math.round(metres))
                    : null;
        }
        boolean samePlace = report.wardCode != null && report.wardCode.equals(other.wardCode)
                && normalise(report.locationDescription).equals(normalise(other.locationDescription));
        return samePlace ? new Candidate(other.id, ReportLink.SAME_LOCATION, null) : null;
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
}
