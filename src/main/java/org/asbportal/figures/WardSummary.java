package org.asbportal.figures;

import java.util.List;

/**
 * A ward's picture over a range of months, for its councillors and for staff. Every count from 1 up
 * to one less than {@code threshold} is withheld: its value is null and the object that holds it has
 * {@code "suppressed": true} (pages and CSV show "fewer than 5"). Locations are listed only when they
 * have at least {@code threshold} incidents.
 */
public record WardSummary(WardView ward, String from, String to, int threshold, Integer total, boolean suppressed,
        BySource bySource, List<MonthCount> byMonth, List<GroupCount> byCategoryGroup, List<CategoryCount> byCategory,
        StatusCounts status, List<RiskCount> risk, TimeTaken firstContact, TimeTaken closure,
        TriggerCount triggerApplications, List<LocationCount> topLocations, List<PatternRow> pattern,
        Rate perThousandResidents) {

    public record WardView(String code, String name) {
    }

    /** Portal reports received and police-recorded incidents. */
    public record BySource(Integer portal, Integer police, boolean suppressed) {
    }

    public record MonthCount(String month, Integer portal, Integer police, boolean suppressed) {
    }

    public record GroupCount(String group, String label, Integer count, boolean suppressed) {
    }

    /** A kind of behaviour (portal reports), or {@code POLICE_RECORDED} for police-recorded ASB. */
    public record CategoryCount(String group, String code, String name, Integer count, boolean suppressed) {
    }

    /** Portal reports still open and closed. */
    public record StatusCounts(Integer open, Integer closed, boolean suppressed) {
    }

    public record RiskCount(String level, String label, Integer count, boolean suppressed) {
    }

    /** The median days taken over the reports that got there; withheld when fewer than the threshold did. */
    public record TimeTaken(Double medianDays, Integer reports, boolean suppressed) {
    }

    /** Community Trigger applications citing a portal report in the ward, received in the range. */
    public record TriggerCount(Integer count, boolean suppressed) {
    }

    /** A street-level place as data.police.uk publishes it ("On or near …"). */
    public record LocationCount(String location, int count) {
    }

    /** Portal reports by when the behaviour happened: one weekday, hours 0 to 23. */
    public record PatternRow(String weekday, List<Integer> hours, boolean suppressed) {
    }

    /** Portal reports and police incidents per 1,000 residents, the ward's and the district's. */
    public record Rate(int population, Double ward, Double district) {
    }

    /** The ward's summary page. */
    public String path() {
        return "/wards/" + ward.code();
    }

    /** How a withheld count reads. */
    public String fewerThan() {
        return "fewer than " + threshold;
    }
}
