package org.asbportal.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one converter for the GOV.UK date input: three boxes (day, month, year) read as a date, or the
 * message the Design System gives for what is wrong with them. Boxes that a form posts joined as
 * {@code year-month-day} (as the shared {@code dateInput} tag names them) are read by {@link #joined}.
 */
public final class DateInput {

    /** What was typed: a date, nothing at all, or the message saying what is wrong. */
    public record Reading(LocalDate date, boolean blank, String problem) {

        public boolean ok() {
            return problem == null;
        }

        /** The date, or empty when nothing was typed or it was wrong. */
        public Optional<LocalDate> value() {
            return Optional.ofNullable(date);
        }
    }

    private DateInput() {
    }

    /**
     * Reads the three boxes. {@code what} names the date in a sentence ("the date it happened"); the
     * messages start with it: "The date it happened must be a real date".
     */
    public static Reading read(String day, String month, String year, String what) {
        String d = trimmed(day);
        String m = trimmed(month);
        String y = trimmed(year);
        if (d == null && m == null && y == null) {
            return new Reading(null, true, null);
        }
        List<String> missing = new ArrayList<>();
        if (d == null) {
            missing.add("day");
        }
        if (m == null) {
            missing.add("month");
        }
        if (y == null) {
            missing.add("year");
        }
        if (!missing.isEmpty()) {
            return problem(capitalised(what) + " must include a " + String.join(" and ", missing));
        }
        if (!y.matches("\\d{4}")) {
            return problem("Year must include 4 numbers");
        }
        if (!d.matches("\\d{1,2}") || !m.matches("\\d{1,2}")) {
            return problem(capitalised(what) + " must be a real date");
        }
        try {
            return new Reading(LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)), false, null);
        } catch (DateTimeException e) {
            return problem(capitalised(what) + " must be a real date");
        }
    }

    /** Reads boxes posted joined as {@code year-month-day} ("2026-8-28"; "--" when all are empty). */
    public static Reading joined(String value, String what) {
        if (value == null) {
            return read(null, null, null, what);
        }
        String[] parts = value.split("-", -1);
        if (parts.length != 3) {
            return trimmed(value) == null ? read(null, null, null, what) : problem(capitalised(what) + " must be a real date");
        }
        return read(parts[2], parts[1], parts[0], what);
    }

    /**
     * A date that must be given: the date, or null with the problem (or "Enter {what}" when nothing
     * was typed) added to {@code errors} under {@code field}.
     */
    public static LocalDate required(Reading reading, String field, String what, List<FieldError> errors) {
        if (reading.blank()) {
            errors.add(new FieldError(field, "Enter " + what));
            return null;
        }
        return optional(reading, field, errors);
    }

    /** A date that may be left empty: the date, or null (with the problem added to {@code errors} when it is wrong). */
    public static LocalDate optional(Reading reading, String field, List<FieldError> errors) {
        if (!reading.ok()) {
            errors.add(new FieldError(field, reading.problem()));
            return null;
        }
        return reading.date();
    }

    /** "the date it happened" → "The date it happened". */
    public static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Reading problem(String message) {
        return new Reading(null, false, message);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
