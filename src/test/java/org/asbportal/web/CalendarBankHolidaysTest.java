package org.asbportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.asbportal.report.ReportRows;
import org.asbportal.report.ReportRows.Row;
import org.junit.jupiter.api.Test;

/**
 * Working days skip the bank holidays GOV.UK publishes for the partnership's division, known from
 * the start (2024 to 2028) and held in memory, so counting them does not read the database.
 */
@QuarkusTest
class CalendarBankHolidaysTest {

    @Inject
    Calendar calendar;

    @Inject
    BankHolidays bankHolidays;

    @Inject
    ReferenceData reference;

    @Inject
    AgroalDataSource dataSource;

    /** The portal's calendar with other {@code asb.calendar.*} settings, over the same bank holidays in the database. */
    private Calendar calendar(Map<String, String> settings) {
        return new Calendar(Calendars.config(settings), Clock.fixed(TestDates.NOW, ZoneOffset.UTC), bankHolidays);
    }

    @Test
    void englandAndWalesIsTheDivisionByDefault() {
        assertThat(calendar.division()).isEqualTo(BankHolidayDivision.ENGLAND_AND_WALES);
    }

    @Test
    void skipsGoodFridayAndEasterMondayOf2026InEnglandAndWales() {
        // Thursday 2 April 2026: Good Friday 3 April, the weekend and Easter Monday 6 April are skipped
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 4, 2), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 6))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 3))).isFalse();
        // 2027 and 2028 too: Easter Monday 29 March 2027 and 17 April 2028
        assertThat(calendar.addWorkingDays(LocalDate.of(2027, 3, 25), 1)).isEqualTo(LocalDate.of(2027, 3, 30));
        assertThat(calendar.addWorkingDays(LocalDate.of(2028, 4, 13), 1)).isEqualTo(LocalDate.of(2028, 4, 18));
    }

    @Test
    void skipsChristmasAndTheBoxingDaySubstituteOf2026() {
        // Thursday 24 December 2026: Christmas Day, the weekend and Monday 28 (Boxing Day's substitute) are skipped
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 29));
        // Friday 31 December 2027: New Year's Day 2028 is a Saturday, its substitute Monday 3 January
        assertThat(calendar.addWorkingDays(LocalDate.of(2027, 12, 31), 1)).isEqualTo(LocalDate.of(2028, 1, 4));
    }

    @Test
    void scottishBankHolidaysAreWorkingDaysInEnglandAndWales() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).as("2nd January").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 30))).as("St Andrew's Day").isTrue();
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 2));
    }

    @Test
    void aScottishPartnershipSkipsScotlandsBankHolidaysAndNotEasterMonday() {
        Calendar scotland = calendar(Map.of("asb.calendar.division", "scotland"));

        assertThat(scotland.division()).isEqualTo(BankHolidayDivision.SCOTLAND);
        assertThat(scotland.isWorkingDay(LocalDate.of(2026, 1, 2))).as("2nd January").isFalse();
        assertThat(scotland.isWorkingDay(LocalDate.of(2026, 11, 30))).as("St Andrew's Day").isFalse();
        assertThat(scotland.isWorkingDay(LocalDate.of(2026, 4, 6))).as("Easter Monday").isTrue();
        assertThat(scotland.addWorkingDays(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void aNorthernIrishPartnershipSkipsStPatricksDayAndTheTwelfth() {
        Calendar northernIreland = calendar(Map.of("asb.calendar.division", "northern-ireland"));

        assertThat(northernIreland.isWorkingDay(LocalDate.of(2026, 3, 17))).as("St Patrick's Day").isFalse();
        assertThat(northernIreland.isWorkingDay(LocalDate.of(2026, 7, 13))).as("the Twelfth's substitute").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 17))).isTrue();
    }

    @Test
    void furtherDaysInTheSettingAreSkippedToo() {
        Calendar withAnExtraDay = calendar(Map.of("asb.calendar.bank-holidays", "2026-04-07"));

        assertThat(withAnExtraDay.addWorkingDays(LocalDate.of(2026, 4, 2), 1)).isEqualTo(LocalDate.of(2026, 4, 8));
        assertThat(withAnExtraDay.furtherHolidays()).containsExactly(LocalDate.of(2026, 4, 7));
    }

    @Test
    void anUnknownDivisionIsRefusedAtStart() {
        assertThatThrownBy(() -> Calendars.config(Map.of("asb.calendar.division", "wales")))
                .hasMessageContaining("asb.calendar.division");
    }

    @Test
    void countingWorkingDaysReadsTheBankHolidaysOnlyOnce() {
        calendar.addWorkingDays(LocalDate.of(2026, 4, 2), 1);
        long loads = reference.loads();

        for (int i = 0; i < 200; i++) {
            calendar.addWorkingDays(LocalDate.of(2026, 1, 1).plusDays(i), 20);
        }

        assertThat(reference.loads()).isEqualTo(loads);
    }

    @Test
    void theBankHolidaysKnownFromTheStartAreGovUksFor2024To2028() {
        List<Row> perYear = new ReportRows(dataSource).rows("SELECT division, YEAR(holiday_date) AS y, COUNT(*) AS n "
                + "FROM bank_holiday WHERE holiday_date BETWEEN '2024-01-01' AND '2028-12-31' GROUP BY division, YEAR(holiday_date)");
        for (int year = 2024; year <= 2028; year++) {
            assertThat(count(perYear, "england-and-wales", year)).as("England and Wales %s", year).isEqualTo(8);
            assertThat(count(perYear, "scotland", year)).as("Scotland %s", year).isEqualTo(9);
            assertThat(count(perYear, "northern-ireland", year)).as("Northern Ireland %s", year).isEqualTo(10);
        }
        for (BankHolidayDivision division : BankHolidayDivision.values()) {
            assertThat(bankHolidays.of(division)).as("%s: no bank holiday on a weekend", division)
                    .noneMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY);
        }
        assertThat(bankHolidays.of(BankHolidayDivision.ENGLAND_AND_WALES)).contains(LocalDate.of(2026, 12, 28),
                LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28), LocalDate.of(2028, 1, 3), LocalDate.of(2026, 8, 31));
    }

    private static long count(List<Row> rows, String division, int year) {
        return rows.stream().filter(r -> r.string("division").equals(division) && r.number("y") == year)
                .mapToLong(r -> r.number("n")).sum();
    }
}
