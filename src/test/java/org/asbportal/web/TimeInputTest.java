package org.asbportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Times as residents write them, kept in 24-hour form; what cannot be read is said so, never guessed. */
class TimeInputTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "9pm|21:00", "9 pm|21:00", "9PM|21:00", "9:30pm|21:30", "9.30pm|21:30", "9:30 p.m.|21:30", "9.30 P.M.|21:30",
            "12am|00:00", "12:15am|00:15", "12pm|12:00", "12:45pm|12:45", "7am|07:00", "7:05 a.m.|07:05",
            "21:30|21:30", "21.30|21:30", "2130|21:30", "0930|09:30", "9:30|09:30", "00:00|00:00", "23:59|23:59",
            "noon|12:00", "Midday|12:00", "12 noon|12:00", "midnight|00:00", " 21:30 |21:30"})
    void readsTimesAsPeopleWriteThem(String typed, String expected) {
        assertThat(TimeInput.parse(typed)).contains(LocalTime.parse(expected));
        assertThat(TimeInput.unreadable(typed)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" is not read")
    @ValueSource(strings = {"9", "21", "25:61", "24:00", "13pm", "0am", "9:75pm", "930pm", "21:3", "half nine", "9:30xm",
            "tonight", "12345", "-1:00"})
    void doesNotGuessATimeItCannotRead(String typed) {
        assertThat(TimeInput.parse(typed)).isEmpty();
        assertThat(TimeInput.unreadable(typed)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void nothingTypedIsNoTimeAndNoProblem(String typed) {
        assertThat(TimeInput.parse(typed)).isEmpty();
        assertThat(TimeInput.unreadable(typed)).isFalse();
        assertThat(TimeInput.unreadable(null)).isFalse();
    }
}
