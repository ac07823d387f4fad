package org.asbportal.figures;

import java.util.ArrayList;
import java.util.List;

import org.asbportal.figures.WardSummary.MonthCount;
import org.asbportal.figures.WardSummary.PatternRow;

/**
 * Charts drawn on the server as SVG geometry, so pages need no JavaScript. Each chart has a text
 * alternative (title and description) and the page shows the same numbers in a table. Withheld counts
 * are drawn as nothing and marked "&lt;N" under their month.
 */
public final class WardCharts {

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    static final int LEFT = 40;
    static final int BOTTOM = 200;
    static final int TOP = 10;

    /** One month's stacked bar: portal reports below, police incidents above. */
    public record Bar(int x, int width, double portalY, double portalHeight, double policeY, double policeHeight,
            String label, int labelX, boolean suppressed) {
    }

    public record Tick(double y, long value) {
    }

    public record BarChart(String title, String description, List<Bar> bars, List<Tick> ticks) {
    }

    /** A cell of the weekday × hour grid; {@code fill} is a shade of blue, grey where withheld. */
    public record Cell(int x, int y, String fill, String label) {
    }

    public record DayLabel(String name, int y) {
    }

    public record HeatChart(String title, String description, List<Cell> cells, List<DayLabel> weekdays) {
    }

    private WardCharts() {
    }

    static BarChart months(List<MonthCount> months, String wardName, String fewerThan) {
        long max = 1;
        for (MonthCount m : months) {
            max = Math.max(max, value(m.portal()) + value(m.police()));
        }
        max = niceCeiling(max);
        double scale = (BOTTOM - TOP) / (double) max;
        int slot = Math.max(1, (WIDTH - LEFT) / Math.max(1, months.size()));
        int width = Math.max(1, slot * 2 / 3);
        List<Bar> bars = new ArrayList<>();
        StringBuilder description = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            MonthCount m = months.get(i);
            int x = LEFT + i * slot + (slot - width) / 2;
            double portalHeight = value(m.portal()) * scale;
            double policeHeight = value(m.police()) * scale;
            bars.add(new Bar(x, width, BOTTOM - portalHeight, portalHeight, BOTTOM - portalHeight - policeHeight,
                    policeHeight, m.month().substring(2), x + width / 2, m.suppressed()));
            description.append(m.month()).append(": ").append(text(m.portal(), fewerThan)).append(" portal, ")
                    .append(text(m.police(), fewerThan)).append(" police. ");
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            long value = max * i / 4;
            ticks.add(new Tick(BOTTOM - value * scale, value));
        }
        return new BarChart("Anti-social behaviour by month in " + wardName,
                "Bar chart of portal reports and police-recorded incidents each month. " + description.toString().strip(),
                bars, ticks);
    }

    static HeatChart pattern(List<PatternRow> rows, String where, String fewerThan) {
        long max = 1;
        for (PatternRow row : rows) {
            for (Integer v : row.hours()) {
                max = Math.max(max, value(v));
            }
        }
        List<Cell> cells = new ArrayList<>();
        StringBuilder busiest = new StringBuilder();
        for (int day = 0; day < rows.size(); day++) {
            PatternRow row = rows.get(day);
            for (int hour = 0; hour < 24; hour++) {
                Integer v = row.hours().get(hour);
                String fill = v == null ? "#b1b4b6" : shade(v / (double) max);
                String label = row.weekday() + " " + hour + ":00: " + text(v, fewerThan);
                cells.add(new Cell(90 + hour * 22, 10 + day * 22, fill, label));
                if (v != null && v == max && max > 0) {
                    busiest.append(row.weekday()).append(' ').append(hour).append(":00, ");
                }
            }
        }
        String description = "Grid of weekdays by hour of the day, darker where more portal reports say the behaviour "
                + "happened." + (busiest.isEmpty() ? "" : " Busiest: " + busiest.substring(0, busiest.length() - 2) + ".");
        return new HeatChart("When anti-social behaviour happens in " + where, description, cells,
                days(rows));
    }

    private static List<DayLabel> days(List<PatternRow> rows) {
        List<DayLabel> days = new ArrayList<>();
        for (int day = 0; day < rows.size(); day++) {
            days.add(new DayLabel(rows.get(day).weekday().substring(0, 3), 25 + day * 22));
        }
        return days;
    }

    private static long value(Integer v) {
        return v == null ? 0 : v;
    }

    private static String text(Integer v, String fewerThan) {
        return v == null ? fewerThan : v.toString();
    }

    private static long niceCeiling(long max) {
        long step = 4;
        while (step < max) {
            step = step < 40 ? step + 4 : step * 2;
        }
        return step;
    }

    /** From a pale to the GOV.UK dark blue (#003078); white for none. */
    private static String shade(double fraction) {
        if (fraction <= 0) {
            return "#ffffff";
        }
        int r = (int) Math.round(210 - fraction * (210 - 0));
        int g = (int) Math.round(226 - fraction * (226 - 48));
        int b = (int) Math.round(242 - fraction * (242 - 120));
        return String.format("#%02x%02x%02x", r, g, b);
    }
}
