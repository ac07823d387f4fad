package org.asbportal.trigger;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** Periods in words for residents: {@code P1M} is "1 month", {@code P1Y2M} "1 year and 2 months". */
final class Periods {

    private Periods() {
    }

    static String inWords(Period period) {
        List<String> parts = new ArrayList<>();
        add(parts, period.getYears(), "year");
        add(parts, period.getMonths(), "month");
        add(parts, period.getDays(), "day");
        if (parts.isEmpty()) {
            return "0 days";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    static String count(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }

    private static void add(List<String> parts, int amount, String unit) {
        if (amount != 0) {
            parts.add(count(amount, unit));
        }
    }
}
