package org.asbportal.figures;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.asbportal.web.PageErrors;
import org.asbportal.category.CategoryGroup;
import org.asbportal.report.RiskLevel;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.figures.WardStatistics.CategoryRow;
import org.asbportal.figures.WardStatistics.PortalCell;
import org.asbportal.figures.WardSummary.BySource;
import org.asbportal.figures.WardSummary.CategoryCount;
import org.asbportal.figures.WardSummary.GroupCount;
import org.asbportal.figures.WardSummary.LocationCount;
import org.asbportal.figures.WardSummary.MonthCount;
import org.asbportal.figures.WardSummary.PatternRow;
import org.asbportal.figures.WardSummary.Rate;
import org.asbportal.figures.WardSummary.RiskCount;
import org.asbportal.figures.WardSummary.StatusCounts;
import org.asbportal.figures.WardSummary.TimeTaken;
import org.asbportal.figures.WardSummary.TriggerCount;
import org.asbportal.figures.WardSummary.WardView;
import org.asbportal.ward.Ward;

/**
 * Ward summaries: councillors read the wards they are granted, other staff every ward. Each read is
 * written to the audit log. Small counts are withheld (see {@link WardSummary}).
 */
@ApplicationScoped
public class WardSummaryService {

    static final String POLICE_RECORDED = "POLICE_RECORDED";
    static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    private static final List<String> ALL_WARDS_ROLES = List.of(Role.ADMIN, Role.TRIAGE_OFFICER, Role.CASEWORKER,
            Role.TRIGGER_COORDINATOR, Role.PLEDGE_REVIEWER);
    private static final double SECONDS_PER_DAY = 86_400.0;

    private final WardStatistics statistics;
    private final WardConfig config;
    private final CurrentStaff staff;
    private final AuditLog audit;

    private final Clock clock;

    public WardSummaryService(WardStatistics statistics, WardConfig config, CurrentStaff staff, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.statistics = statistics;
        this.config = config;
        this.staff = staff;
        this.audit = audit;
    }

    /** The months a request asks for, checked. */
    public MonthRange range(String from, String to) {
        return MonthRange.parse(from, to, YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)), config.defaultMonths(),
                config.maxMonths());
    }

    /** The months a page asks for: those asked for, or the default months and what was wrong with the request. */
    public record PageRange(MonthRange range, PageErrors errors, String from, String to) {
    }

    /** The months a page asks for; mistyped months give the default range and the errors to show by the form. */
    public PageRange pageRange(String from, String to) {
        try {
            MonthRange range = range(from, to);
            return new PageRange(range, PageErrors.NONE, range.from().toString(), range.to().toString());
        } catch (InvalidSubmissionException e) {
            return new PageRange(range(null, null), PageErrors.of(e), from == null ? "" : from, to == null ? "" : to);
        }
    }

    /** The wards the signed-in member of staff may read, by name. */
    @Transactional
    public List<Ward> readableWards() {
        List<Ward> wards = Ward.listByName();
        if (seesAllWards()) {
            return wards;
        }
        return wards.stream().filter(w -> staff.account().wardCodes.contains(w.code)).toList();
    }

    /**
     * The summary of a ward over the range.
     *
     * @throws NotFoundException if there is no such ward
     * @throws ForbiddenException if a councillor asks for a ward they are not granted
     */
    @Transactional
    public WardSummary summary(String code, MonthRange range) {
        Ward ward = code == null ? null : Ward.findById(code);
        if (ward == null) {
            throw new NotFoundException("No ward has the code " + code + ".");
        }
        if (!seesAllWards() && !staff.account().wardCodes.contains(ward.code)) {
            throw new ForbiddenException();
        }
        audit.record(staff.username(), "WARD_SUMMARY_READ", null,
                "Ward " + ward.code + " from " + range.from() + " to " + range.to());
        return build(ward, range);
    }

    private boolean seesAllWards() {
        return ALL_WARDS_ROLES.stream().anyMatch(staff::hasRole);
    }

    private WardSummary build(Ward ward, MonthRange range) {
        Suppression s = new Suppression(config.suppressionThreshold());
        List<PortalCell> cells = statistics.portalCells(ward.code, range);
        Map<String, Long> police = statistics.policeByMonth(ward.code, range);
        long policeTotal = police.values().stream().mapToLong(Long::longValue).sum();
        long portalTotal = cells.stream().mapToLong(PortalCell::count).sum();
        long total = portalTotal + policeTotal;

        Map<String, Long> portalByMonth = new HashMap<>();
        Map<String, Long> byCategory = new HashMap<>();
        Map<String, Long> byRisk = new HashMap<>();
        long closed = 0;
        for (PortalCell cell : cells) {
            portalByMonth.merge(cell.month(), cell.count(), Long::sum);
            byCategory.merge(cell.category(), cell.count(), Long::sum);
            byRisk.merge(cell.risk(), cell.count(), Long::sum);
            if (cell.closed()) {
                closed += cell.count();
            }
        }
        List<MonthCount> months = new ArrayList<>();
        for (YearMonth month : range.months()) {
            long portal = portalByMonth.getOrDefault(month.toString(), 0L);
            long recorded = police.getOrDefault(month.toString(), 0L);
            months.add(new MonthCount(month.toString(), s.shown(portal), s.shown(recorded), s.any(portal, recorded)));
        }
        List<CategoryCount> categories = new ArrayList<>();
        Map<CategoryGroup, Long> groups = new EnumMap<>(CategoryGroup.class);
        for (CategoryRow category : statistics.categories()) {
            long count = byCategory.getOrDefault(category.code(), 0L);
            groups.merge(CategoryGroup.valueOf(category.group()), count, Long::sum);
            if (count > 0) {
                categories.add(new CategoryCount(category.group(), category.code(), category.name(), s.shown(count), s.withheld(count)));
            }
        }
        if (policeTotal > 0) {
            categories.add(new CategoryCount(null, POLICE_RECORDED, "Police-recorded anti-social behaviour",
                    s.shown(policeTotal), s.withheld(policeTotal)));
        }
        List<GroupCount> groupCounts = new ArrayList<>();
        groups.forEach((group, count) -> groupCounts.add(new GroupCount(group.name(), group.label(), s.shown(count), s.withheld(count))));
        List<RiskCount> risks = new ArrayList<>();
        for (RiskLevel level : RiskLevel.values()) {
            long count = byRisk.getOrDefault(level.name(), 0L);
            risks.add(new RiskCount(level.name(), level.label(), s.shown(count), s.withheld(count)));
        }
        long open = portalTotal - closed;
        long triggers = statistics.triggerApplications(ward.code, range);
        List<LocationCount> locations = statistics.policeLocations(ward.code, range, s.threshold(), config.topLocations())
                .stream().map(p -> new LocationCount(p.location(), Math.toIntExact(p.count()))).toList();
        return new WardSummary(new WardView(ward.code, ward.name), range.from().toString(), range.to().toString(),
                s.threshold(), s.shown(total), s.withheld(total),
                new BySource(s.shown(portalTotal), s.shown(policeTotal), s.any(portalTotal, policeTotal)),
                months, groupCounts, categories,
                new StatusCounts(s.shown(open), s.shown(closed), s.any(open, closed)), risks,
                timeTaken(statistics.secondsToFirstContact(ward.code, range), s),
                timeTaken(statistics.secondsToClosure(ward.code, range), s),
                new TriggerCount(s.shown(triggers), s.withheld(triggers)), locations,
                pattern(statistics.pattern(ward.code, range), s), rate(ward, range, total, s));
    }

    static List<PatternRow> pattern(long[][] cells, Suppression s) {
        List<PatternRow> rows = new ArrayList<>(7);
        for (int day = 0; day < 7; day++) {
            List<Integer> hours = new ArrayList<>(24);
            for (int hour = 0; hour < 24; hour++) {
                hours.add(s.shown(cells[day][hour]));
            }
            rows.add(new PatternRow(WEEKDAYS.get(day), Collections.unmodifiableList(hours), s.any(cells[day])));
        }
        return rows;
    }

    /** The median of durations given as seconds → how many reports took exactly that long. */
    static TimeTaken timeTaken(NavigableMap<Long, Long> seconds, Suppression s) {
        long count = seconds.values().stream().mapToLong(Long::longValue).sum();
        if (count == 0) {
            return new TimeTaken(null, 0, false);
        }
        if (s.withheld(count)) {
            return new TimeTaken(null, null, true);
        }
        long middle = count / 2;
        double median = count % 2 == 1 ? nth(seconds, middle) : (nth(seconds, middle - 1) + nth(seconds, middle)) / 2.0;
        return new TimeTaken(Math.round(median / SECONDS_PER_DAY * 10) / 10.0, Math.toIntExact(count), false);
    }

    /** The duration at a position (from 0) in the durations sorted. */
    private static long nth(NavigableMap<Long, Long> seconds, long index) {
        long seen = 0;
        for (Map.Entry<Long, Long> entry : seconds.entrySet()) {
            seen += entry.getValue();
            if (index < seen) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("No duration at " + index);
    }

    /** Populations by ward code: configured ones first, then those recorded with the wards. */
    Map<String, Integer> populations() {
        Map<String, Integer> populations = new LinkedHashMap<>(statistics.recordedPopulations());
        populations.putAll(config.population());
        populations.values().removeIf(p -> p == null || p <= 0);
        return populations;
    }

    private Rate rate(Ward ward, MonthRange range, long total, Suppression s) {
        Map<String, Integer> populations = populations();
        Integer population = populations.get(ward.code);
        if (population == null) {
            return null;
        }
        Map<String, Long> portal = statistics.portalByWard(range);
        Map<String, Long> police = statistics.policeByWard(range);
        long districtCount = 0;
        long districtPopulation = 0;
        for (Map.Entry<String, Integer> entry : populations.entrySet()) {
            districtCount += portal.getOrDefault(entry.getKey(), 0L) + police.getOrDefault(entry.getKey(), 0L);
            districtPopulation += entry.getValue();
        }
        return new Rate(population, s.withheld(total) ? null : perThousand(total, population), perThousand(districtCount, districtPopulation));
    }

    static Double perThousand(long count, long population) {
        return population <= 0 ? null : Math.round(count * 10_000.0 / population) / 10.0;
    }
}
