package org.asbportal.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * "Now", "today", the partnership's time zone and its working days (weekends and bank holidays
 * excluded), read from the one injectable {@link Clock}.
 */
@ApplicationScoped
public class Calendar {

    private final CalendarConfig config;
    private final Clock clock;
    private final Set<LocalDate> bankHolidays;

    public Calendar(CalendarConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.bankHolidays = Set.copyOf(config.bankHolidays().orElse(List.of()));
    }

    /** The partnership's time zone. */
    public ZoneId zone() {
        return config.zone();
    }

    /** This moment. */
    public Instant now() {
        return clock.instant();
    }

    /** Today in the partnership's time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.zone());
    }

    /** The day a moment falls on in the partnership's time zone. */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, config.zone());
    }

    /** The working day {@code days} working days after {@code start}. */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        LocalDate date = start;
        int added = 0;
        while (added < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                added++;
            }
        }
        return date;
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.contains(date);
    }
}
