package org.asbportal.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers given so far in the web report journey, exactly as typed, kept server-side by the
 * journey engine between pages. The whole report is validated again on submit.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class ReportDraft {

    public String danger;
    public String category;
    public String locationDescription;
    public String town;
    public String wardCode;
    public String latitude;
    public String longitude;
    /** A place chosen from the search on the "where" page, until it fills in the point and ward. */
    public String place;
    public String day;
    public String month;
    public String year;
    public String time;
    public String stillHappening;
    public String frequency;
    public String description;
    public String peopleInvolved;
    public String youngPeople;
    public String happenedBefore;
    public String targeted;
    public List<String> targetedBecause = new ArrayList<>();
    public String impact;
    public String unsafeAtHome;
    public String vulnerableAffected;
    public String contactChoice;
    public String role;
    public String name;
    public String email;
    public String phone;
    public String preferredContact;
    public List<String> safeContact = new ArrayList<>();
    public String safeContactTimes;
    public String ageBand;
    public String sex;
    public String ethnicity;
    public String disability;
    public String consent;

    public boolean anonymous() {
        return "ANONYMOUS".equals(contactChoice);
    }
}
