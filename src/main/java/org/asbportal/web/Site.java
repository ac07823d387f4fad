package org.asbportal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.asbportal.security.CaptchaVerifier;

/** What every page needs to know about the site, available in templates as {@code inject:site}. */
@Named("site")
@ApplicationScoped
public class Site {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final SiteConfig config;
    private final CaptchaVerifier captcha;

    private final CalendarConfig serviceLevels;

    public Site(SiteConfig config, CaptchaVerifier captcha, CalendarConfig serviceLevels) {
        this.config = config;
        this.captcha = captcha;
        this.serviceLevels = serviceLevels;
    }

    public String partnershipName() {
        return config.partnershipName();
    }

    public String serviceName() {
        return config.serviceName();
    }

    public String areaName() {
        return config.areaName();
    }

    public String asbTeamPhone() {
        return config.asbTeamPhone().orElse(null);
    }

    /** The reCAPTCHA site key when the robot check is on, else null (and no widget is shown). */
    public String captchaSiteKey() {
        return captcha.enabled() ? captcha.siteKey().orElse(null) : null;
    }

    /** A telephone number as a {@code tel:} link's address: its digits, and a leading + if it has one. */
    public String tel(String number) {
        if (number == null) {
            return "";
        }
        String digits = number.replaceAll("[^0-9+]", "");
        return "tel:" + (digits.startsWith("+") ? "+" + digits.substring(1).replace("+", "") : digits.replace("+", ""));
    }

    /** A date as residents read it: "Friday 27 November 2026". */
    public String longDate(LocalDate date) {
        return date == null ? "" : LONG_DATE.format(date);
    }

    /** A date for tables: "27 Nov 2026". */
    public String shortDate(LocalDate date) {
        return date == null ? "" : SHORT_DATE.format(date);
    }

    /** A moment in the partnership's time zone: "23 November 2026 at 1:43am". */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(serviceLevels.zone())).replace("AM", "am").replace("PM", "pm");
    }
}
