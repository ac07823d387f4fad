package org.asbportal.figures;

import java.util.List;

import org.asbportal.figures.WardSummary.MonthCount;
import org.asbportal.figures.WardSummary.PatternRow;

/** The district over a range of months, for staff: wards ranked, repeat places, when and the trend. Exact counts. */
public record DistrictPicture(String from, String to, List<RankedWard> wards, List<Hotspot> hotspots, int hotspotMin,
        List<PatternRow> pattern, List<MonthCount> trend, long outsideWards) {

    /** A ward's portal reports and police incidents; {@code perThousand} when its population is known. */
    public record RankedWard(int rank, String code, String name, long portal, long police, long total, Double perThousand) {
    }

    /** A place with repeated incidents: a police location or the place a portal report describes. */
    public record Hotspot(String place, String wardName, String source, long count) {
    }
}
