package org.asbportal.web;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of a time of day typed by a resident, as people write it: "9pm", "9:30pm", "9.30 pm",
 * "9:30 p.m.", "21:30", "21.30", "2130", "0930", "noon", "midday" and "midnight". A bare hour ("9") is
 * not read, as it could be morning or evening. The time is kept in 24-hour form.
 */
public final class TimeInput {

    /** The message for a time that cannot be read. */
    public static final String PROBLEM = "Enter the time as you would write it, like 9pm or 21:30, or leave it blank";

    private static final Pattern TWELVE_HOUR = Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?(am|pm)");
    private static final Pattern TWENTY_FOUR_HOUR = Pattern.compile("(\\d{1,2})[:.](\\d{2})|(\\d{2})(\\d{2})");

    private TimeInput() {
    }

    /** The time typed, or empty when nothing was typed or it cannot be read. */
    public static Optional<LocalTime> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = typed.toLowerCase(Locale.UK).replaceAll("\\s+", "").replace("a.m.", "am").replace("p.m.", "pm")
                .replace("a.m", "am").replace("p.m", "pm");
        switch (text) {
            case "noon", "midday", "12noon", "12midday" -> {
                return Optional.of(LocalTime.NOON);
            }
            case "midnight", "12midnight" -> {
                return Optional.of(LocalTime.MIDNIGHT);
            }
            default -> {
            }
        }
        Matcher twelve = TWELVE_HOUR.matcher(text);
        if (twelve.matches()) {
            int hour = Integer.parseInt(twelve.group(1));
            int minute = twelve.group(2) == null ? 0 : Integer.parseInt(twelve.group(2));
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            int hourOfDay = hour % 12 + ("pm".equals(twelve.group(3)) ? 12 : 0);
            return of(hourOfDay, minute);
        }
        Matcher twentyFour = TWENTY_FOUR_HOUR.matcher(text);
        if (twentyFour.matches()) {
            boolean separated = twentyFour.group(1) != null;
            return of(Integer.parseInt(twentyFour.group(separated ? 1 : 3)), Integer.parseInt(twentyFour.group(separated ? 2 : 4)));
        }
        return Optional.empty();
    }

    /** Whether something was typed that cannot be read as a time. */
    public static boolean unreadable(String typed) {
        return typed != null && !typed.isBlank() && parse(typed).isEmpty();
    }

    private static Optional<LocalTime> of(int hour, int minute) {
        try {
            return Optional.of(LocalTime.of(hour, minute));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
