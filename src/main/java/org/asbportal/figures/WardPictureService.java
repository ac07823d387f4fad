package org.asbportal.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.asbportal.figures.DistrictPicture.Hotspot;
import org.asbportal.figures.DistrictPicture.RankedWard;
import org.asbportal.figures.PublicFigures.WardRow;
import org.asbportal.figures.WardStatistics.Place;
import org.asbportal.figures.WardSummary.MonthCount;
import org.asbportal.triage.ActionFigures;
import org.asbportal.triage.ActionFigures.ActionTally;
import org.asbportal.triage.ActionType;
import org.asbportal.ward.Ward;

/** The district picture for staff and the open figures for the public. */
@ApplicationScoped
public class WardPictureService {

    private final WardStatistics statistics;
    private final WardSummaryService summaries;
    private final WardConfig config;
    private final AtomicReference<PublicFigures> figures = new AtomicReference<>();

    private final Clock clock;
    private final ActionFigures actionFigures;

    public WardPictureService(WardStatistics statistics, WardSummaryService summaries, WardConfig config, Clock clock,
            ActionFigures actionFigures) {
        this.clock = clock;
        this.actionFigures = actionFigures;
        this.statistics = statistics;
        this.summaries = summaries;
        this.config = config;
    }

    /** The district over the range, with exact counts (for staff who may see cases). */
    @Transactional
    public DistrictPicture district(MonthRange range) {
        Map<String, Long> portal = statistics.portalByWard(range);
        Map<String, Long> police = statistics.policeByWard(range);
        Map<String, Integer> populations = summaries.populations();
        Map<String, String> names = new HashMap<>();
        List<RankedWard> ranked = new ArrayList<>();
        for (Ward ward : Ward.listByName()) {
            names.put(ward.code, ward.name);
            long p = portal.getOrDefault(ward.code, 0L);
            long q = police.getOrDefault(ward.code, 0L);
            Integer population = populations.get(ward.code);
            ranked.add(new RankedWard(0, ward.code, ward.name, p, q, p + q,
                    population == null ? null : WardSummaryService.perThousand(p + q, population)));
        }
        ranked.sort(Comparator.comparingLong(RankedWard::total).reversed().thenComparing(RankedWard::name));
        List<RankedWard> numbered = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            RankedWard w = ranked.get(i);
            numbered.add(new RankedWard(i + 1, w.code(), w.name(), w.portal(), w.police(), w.total(), w.perThousand()));
        }
        List<Hotspot> hotspots = new ArrayList<>();
        for (Place place : statistics.districtPlaces(range, config.hotspotMinIncidents(), config.topLocations() * 2)) {
            hotspots.add(new Hotspot(place.location(), place.wardCode() == null ? "Outside the wards"
                    : names.getOrDefault(place.wardCode(), place.wardCode()), place.portal() ? "Portal" : "Police", place.count()));
        }
        Suppression exact = new Suppression(1);
        List<MonthCount> trend = new ArrayList<>();
        Map<String, Long> portalMonths = statistics.districtPortalByMonth(range);
        Map<String, Long> policeMonths = statistics.districtPoliceByMonth(range);
        for (YearMonth month : range.months()) {
            long p = portalMonths.getOrDefault(month.toString(), 0L);
            long q = policeMonths.getOrDefault(month.toString(), 0L);
            trend.add(new MonthCount(month.toString(), (int) p, (int) q, false));
        }
        return new DistrictPicture(range.from().toString(), range.to().toString(), numbered, hotspots,
                config.hotspotMinIncidents(), WardSummaryService.pattern(statistics.pattern(null, range), exact), trend,
                portal.getOrDefault(null, 0L) + police.getOrDefault(null, 0L));
    }

    /** The public figures for the months ending with the current one, counted again when older than the cache allows. */
    @Transactional
    public PublicFigures figures() {
        PublicFigures cached = figures.get();
        MonthRange range = summaries.range(null, null);
        if (cached != null && cached.to().equals(range.to().toString())
                && cached.countedAt().plus(config.figuresCacheFor()).isAfter(clock.instant())) {
            return cached;
        }
        PublicFigures counted = count(range);
        figures.set(counted);
        return counted;
    }

    private PublicFigures count(MonthRange range) {
        Suppression s = new Suppression(config.suppressionThreshold());
        Map<String, Map<String, Long>> counts = statistics.byWardAndMonth(range);
        List<String> months = range.months().stream().map(YearMonth::toString).toList();
        List<WardRow> rows = new ArrayList<>();
        for (Ward ward : Ward.listByName()) {
            Map<String, Long> wardCounts = counts.getOrDefault(ward.code, Map.of());
            List<Integer> cells = new ArrayList<>();
            long total = 0;
            for (String month : months) {
                long n = wardCounts.getOrDefault(month, 0L);
                total += n;
                cells.add(s.shown(n));
            }
            rows.add(new WardRow(ward.code, ward.name, Collections.unmodifiableList(cells), s.shown(total)));
        }
        return new PublicFigures(range.from().toString(), range.to().toString(), months, rows, s.threshold(),
                clock.instant(), actions(range, s));
    }

    /** The published actions done over the range: by ward, by month, and every cell, small counts withheld. */
    private PublicActions actions(MonthRange range, Suppression s) {
        List<ActionType> kinds = ActionFigures.PUBLISHED;
        Map<String, long[]> byWard = new HashMap<>();
        Map<String, long[]> byMonth = new HashMap<>();
        Map<String, Long> cells = new HashMap<>();
        for (ActionTally tally : actionFigures.done(range.from(), range.to())) {
            String ward = tally.wardCode() == null ? "" : tally.wardCode();
            int kind = kinds.indexOf(tally.type());
            byWard.computeIfAbsent(ward, w -> new long[kinds.size()])[kind] += tally.count();
            byMonth.computeIfAbsent(tally.month().toString(), m -> new long[kinds.size()])[kind] += tally.count();
            cells.merge(ward + "|" + tally.month() + "|" + kind, tally.count(), Long::sum);
        }
        List<PublicActions.Row> wardRows = new ArrayList<>();
        List<PublicActions.Cell> cellRows = new ArrayList<>();
        List<YearMonth> months = range.months();
        for (Ward ward : Ward.listByName()) {
            wardRows.add(actionRow(ward.code, ward.name, byWard.get(ward.code), kinds.size(), s));
            for (YearMonth month : months) {
                for (int kind = 0; kind < kinds.size(); kind++) {
                    cellRows.add(new PublicActions.Cell(ward.code, ward.name, month.toString(), kinds.get(kind).label(),
                            s.shown(cells.getOrDefault(ward.code + "|" + month + "|" + kind, 0L))));
                }
            }
        }
        if (byWard.containsKey("")) {
            wardRows.add(actionRow("", "Ward not known", byWard.get(""), kinds.size(), s));
        }
        List<PublicActions.Row> monthRows = months.stream()
                .map(m -> actionRow(m.toString(), m.toString(), byMonth.get(m.toString()), kinds.size(), s)).toList();
        return new PublicActions(kinds.stream().map(ActionType::label).toList(), wardRows, monthRows, cellRows);
    }

    private static PublicActions.Row actionRow(String code, String name, long[] counts, int kinds, Suppression s) {
        List<Integer> shown = new ArrayList<>();
        long total = 0;
        for (int kind = 0; kind < kinds; kind++) {
            long n = counts == null ? 0 : counts[kind];
            total += n;
            shown.add(s.shown(n));
        }
        return new PublicActions.Row(code, name, Collections.unmodifiableList(shown), s.shown(total));
    }
}
