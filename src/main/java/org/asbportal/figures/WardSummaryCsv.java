package org.asbportal.figures;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

import org.asbportal.figures.WardSummary.CategoryCount;
import org.asbportal.figures.WardSummary.GroupCount;
import org.asbportal.figures.WardSummary.LocationCount;
import org.asbportal.figures.WardSummary.MonthCount;
import org.asbportal.figures.WardSummary.PatternRow;
import org.asbportal.figures.WardSummary.RiskCount;
import org.asbportal.figures.WardSummary.TimeTaken;
import org.asbportal.web.CsvText;

/** A ward summary as CSV: one row per figure (section, item, measure, value), withheld counts as "fewer than N". */
@ApplicationScoped
public class WardSummaryCsv {

    public String write(WardSummary s) {
        String fewer = s.fewerThan();
        CsvText csv = new CsvText().row("section", "item", "measure", "value");
        csv.row("ward", s.ward().code(), "name", s.ward().name());
        csv.row("range", "", "from", s.from()).row("range", "", "to", s.to());
        csv.row("total", "", "incidents", value(s.total(), fewer));
        csv.row("source", "portal", "reports", value(s.bySource().portal(), fewer));
        csv.row("source", "police", "incidents", value(s.bySource().police(), fewer));
        for (MonthCount m : s.byMonth()) {
            csv.row("month", m.month(), "portal", value(m.portal(), fewer));
            csv.row("month", m.month(), "police", value(m.police(), fewer));
        }
        for (GroupCount g : s.byCategoryGroup()) {
            csv.row("category group", g.label(), "reports", value(g.count(), fewer));
        }
        for (CategoryCount c : s.byCategory()) {
            csv.row("category", c.name(), isPolice(c) ? "incidents" : "reports", value(c.count(), fewer));
        }
        csv.row("status", "open", "reports", value(s.status().open(), fewer));
        csv.row("status", "closed", "reports", value(s.status().closed(), fewer));
        for (RiskCount r : s.risk()) {
            csv.row("risk", r.label(), "reports", value(r.count(), fewer));
        }
        time(csv, "days to first contact", s.firstContact(), fewer);
        time(csv, "days to closure", s.closure(), fewer);
        csv.row("community trigger", "", "applications", value(s.triggerApplications().count(), fewer));
        for (LocationCount l : s.topLocations()) {
            csv.row("location", l.location(), "police incidents", l.count());
        }
        for (PatternRow row : s.pattern()) {
            List<Integer> hours = row.hours();
            for (int hour = 0; hour < hours.size(); hour++) {
                csv.row("when", row.weekday() + " " + String.format("%02d:00", hour), "reports", value(hours.get(hour), fewer));
            }
        }
        if (s.perThousandResidents() != null) {
            csv.row("per 1,000 residents", "ward", "rate", s.perThousandResidents().ward() == null ? fewer
                    : s.perThousandResidents().ward());
            csv.row("per 1,000 residents", "district", "rate", s.perThousandResidents().district());
        }
        return csv.toString();
    }

    private static boolean isPolice(CategoryCount c) {
        return WardSummaryService.POLICE_RECORDED.equals(c.code());
    }

    private static void time(CsvText csv, String item, TimeTaken t, String fewer) {
        csv.row("time taken", item, "median", t.suppressed() ? fewer : t.medianDays() == null ? "" : t.medianDays());
        csv.row("time taken", item, "reports", t.suppressed() ? fewer : t.reports());
    }

    private static Object value(Integer count, String fewer) {
        return count == null ? fewer : count;
    }
}
