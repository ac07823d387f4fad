package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.quarkus.panache.common.Parameters;

import org.asbportal.report.DuplicateFinder;
import org.asbportal.report.Report;
import org.asbportal.report.ReportConfig;
import org.asbportal.triage.CaseViews.RepeatFlags;

/**
 * Other reports by the same victim, and the repeat flags of a case: repeat victim, repeat location
 * and repeat perpetrator, by the thresholds of {@link RepeatConfig}. Called inside the caller's
 * transaction.
 */
@ApplicationScoped
public class RepeatFinder {

    /** How many same-victim reports a case lists, most recent first. */
    static final int MAX_SAME_VICTIM = 20;
    private static final double METRES_PER_DEGREE_LATITUDE = 111_320;

    private final RepeatConfig config;
    private final ReportConfig reports;

    public RepeatFinder(RepeatConfig config, ReportConfig reports) {
        this.config = config;
        this.reports = reports;
    }

    /** Other reports from the same (non-anonymous) reporter email or phone, most recent first. */
    public List<Report> sameVictim(Report report) {
        if (report.victimEmailKey == null && report.victimPhoneKey == null) {
            return List.of();
        }
        return Report.<Report>find("id <> :id and (victimEmailKey = :email or victimPhoneKey = :phone) "
                        + "order by submittedAt desc, id desc", victimParams(report))
                .page(0, MAX_SAME_VICTIM).list();
    }

    /** The case's repeat flags, with the counts behind them. */
    public RepeatFlags flags(Report report, List<Long> perpetratorIds) {
        long victim = 1 + victimReports(report);
        long location = 1 + locationReports(report);
        long perpetrator = perpetratorCases(report, perpetratorIds);
        return new RepeatFlags(victim >= config.victimReports(), victim, location >= config.locationReports(), location,
                perpetrator >= config.perpetratorCases(), perpetrator, config.windowDays());
    }

    private long victimReports(Report report) {
        if (report.victimEmailKey == null && report.victimPhoneKey == null) {
            return 0;
        }
        return Report.count("id <> :id and (victimEmailKey = :email or victimPhoneKey = :phone) "
                + "and submittedAt between :from and :to", window(report, victimParams(report)));
    }

    private long locationReports(Report report) {
        boolean hasPlace = report.wardCode != null && report.locationDescription != null;
        boolean hasPoint = report.latitude != null && report.longitude != null;
        if (!hasPlace && !hasPoint) {
            return 0;
        }
        StringBuilder where = new StringBuilder("select r.id, r.wardCode, r.locationDescription, r.latitude, r.longitude "
                + "from Report r where r.id <> :id and r.submittedAt between :from and :to and (");
        Parameters params = window(report, Parameters.with("id", report.id));
        if (hasPlace) {
            where.append("r.wardCode = :ward");
            params.and("ward", report.wardCode);
        }
        if (hasPoint) {
            double metres = reports.duplicates().distanceMetres();
            double dLat = metres / METRES_PER_DEGREE_LATITUDE;
            double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(report.latitude.doubleValue())));
            where.append(hasPlace ? " or " : "").append("(r.latitude between :latMin and :latMax "
                    + "and r.longitude between :lonMin and :lonMax)");
            params.and("latMin", report.latitude.subtract(BigDecimal.valueOf(dLat)))
                    .and("latMax", report.latitude.add(BigDecimal.valueOf(dLat)))
                    .and("lonMin", report.longitude.subtract(BigDecimal.valueOf(dLon)))
                    .and("lonMax", report.longitude.add(BigDecimal.valueOf(dLon)));
        }
        where.append(")");
        String place = hasPlace ? DuplicateFinder.normalise(report.locationDescription) : null;
        TypedQuery<Object[]> query = Report.getEntityManager().createQuery(where.toString(), Object[].class);
        params.map().forEach(query::setParameter);
        List<Object[]> candidates = query.getResultList();
        return candidates.stream().filter(row -> {
            boolean samePlace = hasPlace && report.wardCode.equals(row[1]) && place.equals(DuplicateFinder.normalise((String) row[2]));
            boolean near = hasPoint && row[3] != null && row[4] != null
                    && DuplicateFinder.distanceMetres(report.latitude.doubleValue(), report.longitude.doubleValue(),
                            ((BigDecimal) row[3]).doubleValue(), ((BigDecimal) row[4]).doubleValue())
                            <= reports.duplicates().distanceMetres();
            return samePlace || near;
        }).count();
    }

    /** The most cases any one of this case's perpetrators is linked to, within the window. */
    private long perpetratorCases(Report report, List<Long> perpetratorIds) {
        long most = 0;
        for (Long perpetratorId : perpetratorIds) {
            TypedQuery<Long> query = Report.getEntityManager().createQuery("select count(l) from CasePerpetrator l, Report r "
                    + "where r.id = l.reportId and l.perpetratorId = :perpetrator "
                    + "and (r.id = :id or r.submittedAt between :from and :to)", Long.class);
            window(report, Parameters.with("perpetrator", perpetratorId).and("id", report.id)).map().forEach(query::setParameter);
            long cases = query.getSingleResult();
            most = Math.max(most, cases);
        }
        return most;
    }

    private static Parameters victimParams(Report report) {
        return Parameters.with("id", report.id)
                .and("email", report.victimEmailKey == null ? "" : report.victimEmailKey)
                .and("phone", report.victimPhoneKey == null ? "" : report.victimPhoneKey);
    }

    private Parameters window(Report report, Parameters params) {
        Duration window = Duration.ofDays(config.windowDays());
        Instant at = report.submittedAt;
        return params.and("from", at.minus(window)).and("to", at.plus(window));
    }
}
