package org.asbportal.trigger;

import static org.asbportal.trigger.ThresholdRulesTest.config;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.asbportal.web.Calendars;
import org.junit.jupiter.api.Test;

/** Step deadlines in working days: weekends and the partnership's bank holidays are skipped. */
class TriggerTimetableTest {

    static TriggerTimetable timetable(Map<String, String> trigger, String bankHolidays) {
        return new TriggerTimetable(config(trigger), Calendars.calendar(Map.of("asb.calendar.bank-holidays", bankHolidays)));
    }

    @Test
    void acknowledgementOfAnApplicationReceivedOnThursdayIsDueOnMondayAfterTheWeekend() {
        Map<TriggerStep, LocalDate> due = timetable(Map.of(), "2026-01-01").dueDates(LocalDate.of(2026, 11, 19));

        assertThat(due.get(TriggerStep.ACKNOWLEDGE)).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void everyStepIsCountedFromTheOneBeforeItAcrossWeekends() {
        // Monday 2 November 2026, no bank holidays in the weeks after it
        Map<TriggerStep, LocalDate> due = timetable(Map.of(), "2026-01-01").dueDates(LocalDate.of(2026, 11, 2));

        assertThat(due).containsExactly(
                Map.entry(TriggerStep.ACKNOWLEDGE, LocalDate.of(2026, 11, 4)),
                Map.entry(TriggerStep.THRESHOLD_DECISION, LocalDate.of(2026, 11, 16)),
                Map.entry(TriggerStep.AGENCY_INFORMATION, LocalDate.of(2026, 11, 30)),
                Map.entry(TriggerStep.REVIEW_MEETING, LocalDate.of(2026, 12, 14)),
                Map.entry(TriggerStep.OUTCOME, LocalDate.of(2026, 12, 21)));
    }

    @Test
    void bankHolidaysAreNotWorkingDays() {
        // Thursday 24 December 2026: Christmas Day, the weekend and Monday 28 (Boxing Day substitute) are skipped
        TriggerTimetable withHolidays = timetable(Map.of(), "2026-12-25,2026-12-28");
        TriggerTimetable without = timetable(Map.of(), "2026-01-01");

        assertThat(withHolidays.dueDates(LocalDate.of(2026, 12, 24)).get(TriggerStep.ACKNOWLEDGE))
                .isEqualTo(LocalDate.of(2026, 12, 30));
        assertThat(without.dueDates(LocalDate.of(2026, 12, 24)).get(TriggerStep.ACKNOWLEDGE))
                .isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void aBankHolidayMovesEveryLaterStep() {
        LocalDate received = LocalDate.of(2026, 11, 2);
        Map<TriggerStep, LocalDate> plain = timetable(Map.of(), "2026-01-01").dueDates(received);
        // a holiday on Wednesday 11 November, between receiving and the threshold decision
        Map<TriggerStep, LocalDate> withHoliday = timetable(Map.of(), "2026-11-11").dueDates(received);

        assertThat(withHoliday.get(TriggerStep.ACKNOWLEDGE)).isEqualTo(plain.get(TriggerStep.ACKNOWLEDGE));
        assertThat(withHoliday.get(TriggerStep.THRESHOLD_DECISION)).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(withHoliday.get(TriggerStep.OUTCOME)).isEqualTo(LocalDate.of(2026, 12, 22));
    }

    @Test
    void aPartnershipMayChangeTheDeadlines() {
        Map<TriggerStep, LocalDate> due = timetable(Map.of("asb.trigger.deadlines.acknowledge", "5",
                "asb.trigger.deadlines.outcome", "7"), "2026-01-01").dueDates(LocalDate.of(2026, 11, 2));

        assertThat(due.get(TriggerStep.ACKNOWLEDGE)).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(due.get(TriggerStep.OUTCOME)).isEqualTo(LocalDate.of(2026, 12, 23));
    }
}
