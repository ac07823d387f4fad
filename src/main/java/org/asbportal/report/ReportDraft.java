package org.asbportal.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The answers given so far in the web report journey, exactly as typed. The draft travels with
 * the form (a hidden field on every page) rather than in server memory, so that any replica can
 * serve the next page. Nothing in it is trusted: the whole report is validated again on submit.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class ReportDraft {

    /** Idempotency key of this report: a refresh or double submit saves it once. */
    public String submissionId = UUID.randomUUID().toString();
    /** Set while changing an answer from the check-your-answers page. */
    public boolean changing;

    public String danger;
    public String category;
    public String locationDescription;
    public String town;
    public String wardCode;
    public String latitude;
    public String longitude;
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
    public String ageBand;
    public String sex;
    public String ethnicity;
    public String disability;
    public String consent;

    public boolean anonymous() {
        return "ANONYMOUS".equals(contactChoice);
    }
}
