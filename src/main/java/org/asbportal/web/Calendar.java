package org.asbportal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * "Now", "today", the partnership's time zone and its working days, read from the one injectable
 * {@link Clock}. Weekends are not working days, nor are the bank holidays of the partnership's
 * division ({@link CalendarConfig#division()}, held in memory by {@link BankHolidays}) and the
 * further days of {@link CalendarConfig#bankHolidays()}.
 */
@ApplicationScoped
public class Calendar {

    private final CalendarConfig config;
    private final Clock clock;
    private final Set<LocalDate> furtherHolidays;
    private final Supplier<Set<LocalDate>> bankHolidays;

    @Inject
    public Calendar(CalendarConfig config, Clock clock, BankHolidays bankHolidays) {
        this(config, clock, () -> bankHolidays.of(config.division()));
    }

    /** A calendar whose division's bank holidays are those {@code bankHolidays} gives. */
    Calendar(CalendarConfig config, Clock clock, Supplier<Set<LocalDate>> bankHolidays) {
        this.config = config;
        this.clock = clock;
        this.furtherHolidays = Set.copyOf(config.bankHolidays().orElse(List.of()));
        this.bankHolidays = bankHolidays;
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
        Set<LocalDate> holidays = bankHolidays.get();
        LocalDate date = start;
        int added = 0;
        while (added < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date, holidays)) {
                added++;
            }
        }
        return date;
    }

    /** Whether the day is a working day: not a weekend, a bank holiday of the division or a further holiday. */
    public boolean isWorkingDay(LocalDate date) {
        return isWorkingDay(date, bankHolidays.get());
    }

    private boolean isWorkingDay(LocalDate date, Set<LocalDate> holidays) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !furtherHolidays.contains(date) && !holidays.contains(date);
    }

    /** The further days that are not working days ({@code asb.calendar.bank-holidays}), in date order. */
    public List<LocalDate> furtherHolidays() {
        return furtherHolidays.stream().sorted().toList();
    }

    /** Whose bank holidays count. */
    public BankHolidayDivision division() {
        return config.division();
    }
}
