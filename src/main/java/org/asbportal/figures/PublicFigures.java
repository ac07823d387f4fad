package org.asbportal.figures;

import java.time.Instant;
import java.util.List;

/**
 * Monthly counts of ASB by ward for the public: portal reports and police-recorded incidents together,
 * each count from 1 up to one less than the threshold withheld (null, shown as "fewer than N").
 */
public record PublicFigures(String from, String to, List<String> months, List<WardRow> wards, int threshold,
        Instant countedAt, PublicActions actions) {

    public record WardRow(String code, String name, List<Integer> counts, Integer total) {
    }

    public String fewerThan() {
        return "fewer than " + threshold;
    }
}
