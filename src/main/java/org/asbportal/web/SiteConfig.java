package org.asbportal.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How the portal presents itself. */
@ConfigMapping(prefix = "asb.site")
public interface SiteConfig {

    /** The partnership's name, shown in the header, page titles and emails. */
    @WithDefault("Community Safety Partnership")
    String partnershipName();

    /** Service name shown beside the partnership's name. */
    @WithDefault("Report anti-social behaviour")
    String serviceName();

    /** The area the partnership covers, e.g. "Bedford Borough", used in guidance text. */
    @WithDefault("our area")
    String areaName();

    /** Telephone number of the partnership's ASB team, shown in guidance when set. */
    Optional<String> asbTeamPhone();

    /**
     * Where residents reach the portal, e.g. {@code https://report-asb.example.gov.uk}, without a
     * trailing path: emails link to pages under it, such as {@code /track}.
     */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /**
     * Where "Exit this page" takes a resident who needs to leave the portal quickly: an everyday site
     * that gives nothing away (GOV.UK's own example is the BBC weather page).
     */
    @WithDefault("https://www.bbc.co.uk/weather")
    String exitUrl();
}
