package org.asbportal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.asbportal.security.CaptchaVerifier;

/** What every page needs to know about the site, available in templates as {@code inject:site}. */
@Named("site")
@ApplicationScoped
public class Site {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final SiteConfig config;
    private final CaptchaVerifier captcha;

    public Site(SiteConfig config, CaptchaVerifier captcha) {
        this.config = config;
        this.captcha = captcha;
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

    /** A date as residents read it: "Friday 27 November 2026". */
    public String longDate(LocalDate date) {
        return date == null ? "" : LONG_DATE.format(date);
    }
}
