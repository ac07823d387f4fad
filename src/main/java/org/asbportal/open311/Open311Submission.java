package org.asbportal.open311;

import static org.asbportal.open311.Open311Service.one;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.asbportal.report.ReportSubmission;
import org.asbportal.report.ReportSubmission.ContactMethod;
import org.asbportal.report.ReportSubmission.Frequency;
import org.asbportal.report.ReportSubmission.Identity;
import org.asbportal.report.ReportSubmission.Impact;
import org.asbportal.report.ReportSubmission.ReporterRole;
import org.asbportal.ward.Places;
import org.asbportal.web.Calendar;

/**
 * A GeoReport v2 service request read into the portal's {@link ReportSubmission}: location from
 * lat and long (located to a ward by the report pipeline) or from address_string through the place
 * search residents use; attribute[code] answers; the reporter from first_name, last_name, email and
 * phone (none of them: anonymous). Answers that are not one of a list's keys are problems to send back.
 * A media_url is never fetched: it is kept as text at the end of the description when it fits.
 */
record Open311Submission(ReportSubmission submission, String notice) {

    static final int MAX_MEDIA_URL = 500;

    static Open311Submission of(Map<String, List<String>> form, String serviceCode, Places places, Calendar calendar) {
        List<String> problems = new ArrayList<>();
        Reader read = new Reader(form, problems);
        ReportSubmission.Location location = location(form, places, problems);
        LocalDate[] day = new LocalDate[1];
        LocalTime[] time = new LocalTime[1];
        String occurred = read.attribute(Open311Attributes.OCCURRED_ON);
        if (occurred != null) {
            occurredAt(occurred, calendar, day, time, problems);
        }
        String description = one(form, "description");
        String notice = "";
        String media = one(form, "media_url");
        if (media != null) {
            boolean kept = description != null && media.length() <= MAX_MEDIA_URL && media.matches("(?i)https?://\\S+")
                    && description.length() + media.length() + 40 <= ReportSubmission.DESCRIPTION_MAX;
            if (kept) {
                description = description + "\n\nLink sent with the report (not opened): " + media;
            } else {
                notice = " The media_url was not kept: send an http or https address of " + MAX_MEDIA_URL
                        + " characters or fewer with a description short enough to add it to.";
            }
        }
        String firstName = one(form, "first_name");
        String lastName = one(form, "last_name");
        String email = one(form, "email");
        String phone = one(form, "phone");
        if (firstName != null && firstName.length() > Open311Service.MAX_NAME
                || lastName != null && lastName.length() > Open311Service.MAX_NAME) {
            problems.add("first_name and last_name must each be " + Open311Service.MAX_NAME + " characters or fewer");
        }
        boolean anonymous = firstName == null && lastName == null && email == null && phone == null;
        String name = String.join(" ", java.util.stream.Stream.of(firstName, lastName).filter(n -> n != null).toList());
        ReportSubmission.Reporter reporter = new ReportSubmission.Reporter(anonymous || name.isBlank() ? null : name,
                email, phone, email != null ? ContactMethod.EMAIL : phone != null ? ContactMethod.PHONE : null,
                read.choice(Open311Attributes.REPORTER_ROLE, ReporterRole.class));
        ReportSubmission.RiskAnswers risk = new ReportSubmission.RiskAnswers(
                read.choice(Open311Attributes.HAPPENED_BEFORE, ReportSubmission.YesNoNotSure.class),
                read.yesNo(Open311Attributes.TARGETED_FOR_IDENTITY),
                read.choices(Open311Attributes.TARGETED_BECAUSE, Identity.class),
                read.choice(Open311Attributes.IMPACT, Impact.class),
                read.yesNo(Open311Attributes.FEELS_UNSAFE_AT_HOME),
                read.yesNo(Open311Attributes.VULNERABLE_PEOPLE_AFFECTED),
                read.choice(Open311Attributes.YOUNG_PEOPLE_INVOLVED, ReportSubmission.YesNoNotSure.class));
        ReportSubmission submission = new ReportSubmission(serviceCode, description,
                read.attribute(Open311Attributes.PEOPLE_INVOLVED), day[0], time[0],
                read.yesNo(Open311Attributes.STILL_HAPPENING), read.choice(Open311Attributes.FREQUENCY, Frequency.class),
                location, anonymous, reporter, risk, read.yesNo(Open311Attributes.CONSENT_TO_SHARE), null, null);
        if (!problems.isEmpty()) {
            throw new Open311Problem(400, problems);
        }
        return new Open311Submission(submission, notice);
    }

    /** Where: lat and long, or address_string found with the residents' place search (its point and ward). */
    private static ReportSubmission.Location location(Map<String, List<String>> form, Places places, List<String> problems) {
        String address = one(form, "address_string");
        String lat = one(form, "lat");
        String lon = one(form, "long");
        Double latitude = null;
        Double longitude = null;
        if (lat != null || lon != null) {
            try {
                latitude = lat == null ? null : Double.valueOf(lat);
                longitude = lon == null ? null : Double.valueOf(lon);
                if (latitude != null && !Double.isFinite(latitude) || longitude != null && !Double.isFinite(longitude)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add("lat and long must be decimal degrees, like 51.5072 and -0.1276");
                return null;
            }
        }
        if (address == null && (latitude == null || longitude == null)) {
            problems.add("Tell us where it happened: send lat and long, or address_string");
            return null;
        }
        String wardCode = null;
        if (address != null && latitude == null && longitude == null) {
            Optional<Places.Place> place = places.search(address, 1).stream().findFirst();
            if (place.isPresent()) {
                wardCode = place.get().wardCode();
                latitude = place.get().latitude() == null ? null : place.get().latitude().doubleValue();
                longitude = place.get().longitude() == null ? null : place.get().longitude().doubleValue();
            }
        }
        String description = address != null ? address : "Map point " + lat + ", " + lon;
        return new ReportSubmission.Location(description, null, wardCode, latitude, longitude);
    }

    private static void occurredAt(String value, Calendar calendar, LocalDate[] day, LocalTime[] time, List<String> problems) {
        try {
            if (value.length() == 10) {
                day[0] = LocalDate.parse(value);
                return;
            }
            LocalDateTime local = value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")
                    ? OffsetDateTime.parse(value).atZoneSameInstant(calendar.zone()).toLocalDateTime()
                    : LocalDateTime.parse(value);
            day[0] = local.toLocalDate();
            time[0] = local.toLocalTime().withNano(0);
        } catch (DateTimeException e) {
            problems.add("attribute[" + Open311Attributes.OCCURRED_ON + "]: enter when it happened as an ISO 8601 date, "
                    + "or date and time, like 2026-11-20 or 2026-11-20T21:30:00Z");
        }
    }

    /** Reads attribute[code] answers, noting those that are not one of the list's keys. */
    private record Reader(Map<String, List<String>> form, List<String> problems) {

        String attribute(String code) {
            return one(form, "attribute[" + code + "]");
        }

        Boolean yesNo(String code) {
            String value = attribute(code);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "yes", "true" -> true;
                case "no", "false" -> false;
                default -> {
                    problems.add("attribute[" + code + "] must be yes or no");
                    yield null;
                }
            };
        }

        <E extends Enum<E>> E choice(String code, Class<E> type) {
            String value = attribute(code);
            if (value == null) {
                return null;
            }
            E chosen = Open311Attributes.constant(type, value);
            if (chosen == null) {
                problems.add("attribute[" + code + "] must be one of the keys the service definition lists");
            }
            return chosen;
        }

        <E extends Enum<E>> List<E> choices(String code, Class<E> type) {
            List<String> values = new ArrayList<>();
            for (String name : List.of("attribute[" + code + "]", "attribute[" + code + "][]")) {
                for (String value : form.getOrDefault(name, List.of())) {
                    if (value != null) {
                        for (String each : value.split(",")) {
                            if (!each.isBlank()) {
                                values.add(each);
                            }
                        }
                    }
                }
            }
            List<E> chosen = new ArrayList<>();
            for (String value : values) {
                E each = Open311Attributes.constant(type, value);
                if (each == null) {
                    problems.add("attribute[" + code + "] must be keys the service definition lists");
                    return List.of();
                }
                chosen.add(each);
            }
            return chosen;
        }
    }
}
