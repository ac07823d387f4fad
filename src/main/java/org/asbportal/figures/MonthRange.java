package org.asbportal.figures;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;

/** A range of whole months, both ends included. Portal reports count in the month they were received (UTC). */
public record MonthRange(YearMonth from, YearMonth to) {

    /**
     * The range asked for: {@code YYYY-MM} at each end, by default the {@code defaultMonths} months
     * ending with the current one.
     *
     * @throws InvalidSubmissionException naming the field when a month is not a real month, the range
     *         is back to front or longer than {@code maxMonths}
     */
    public static MonthRange parse(String from, String to, YearMonth current, int defaultMonths, int maxMonths) {
        List<FieldError> errors = new ArrayList<>();
        YearMonth end = month(to, "to", errors);
        YearMonth start = month(from, "from", errors);
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        if (end == null) {
            end = start == null ? current : start.plusMonths(defaultMonths - 1L);
        }
        if (start == null) {
            start = end.minusMonths(defaultMonths - 1L);
        }
        if (start.isAfter(end)) {
            throw new InvalidSubmissionException("from", "The first month must be the same as or before the last month");
        }
        if (start.plusMonths(maxMonths).isBefore(end.plusMonths(1))) {
            throw new InvalidSubmissionException("to", "Choose a range of " + maxMonths + " months or fewer");
        }
        return new MonthRange(start, end);
    }

    private static YearMonth month(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                errors.add(new FieldError(field, "Enter a month between 2000 and 2100, like 2026-04"));
                return null;
            }
            return month;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Enter a real month as a year and month, like 2026-04"));
            return null;
        }
    }

    /** The first instant of the range. */
    Instant start() {
        return from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The first instant after the range. */
    Instant end() {
        return to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Every month of the range, in order. */
    List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
