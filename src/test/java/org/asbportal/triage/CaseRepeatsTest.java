package org.asbportal.triage;

import static org.asbportal.security.StaffApi.as;
import static org.asbportal.security.StaffApi.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRequests.Body;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases.Case;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Reports by the same victim listed with a case, and the repeat flags at the default thresholds
 * ({@code asb.repeat}): a repeat victim at 3 reports from one email or phone, a repeat location at 3
 * reports at one place, a repeat perpetrator at 2 cases; one fewer is not flagged.
 */
@QuarkusTest
class CaseRepeatsTest {

    // ---------------------------------------------------------------- same victim

    @Test
    void flagsARepeatVictimAtThreeReportsFromTheSameEmailOrPhoneAndListsThem() {
        String token = ReportRequests.unique();
        String phone = "07700 9" + digits(5);
        Case first = report(victim(token + "@example.org", phone));
        Case second = report(victim(token.toUpperCase() + "@Example.ORG", null));
        assertEquals(false, flags(second).getBoolean("repeatVictim"), "two reports are not a repeat");
        Case third = report(victim(token + "@EXAMPLE.org", "+44 " + phone.substring(1)));

        JsonPath thirdCase = caseOf(third);
        assertEquals(true, thirdCase.getBoolean("flags.repeatVictim"));
        assertEquals(3, thirdCase.getInt("flags.victimReports"));
        assertEquals(List.of(second.reference(), first.reference()), sameVictim(thirdCase), "most recent first");
        JsonPath firstCase = caseOf(first);
        assertEquals(true, firstCase.getBoolean("flags.repeatVictim"));
        assertEquals(List.of(third.reference(), second.reference()), sameVictim(firstCase));
        assertEquals(true, flags(second).getBoolean("repeatVictim"));
        StaffSession.signIn("caseworker").get("/staff/cases/{reference}", third.reference()).then().statusCode(200)
                .body(containsString("<strong class=\"govuk-tag govuk-tag--orange\">Repeat victim</strong>"))
                .body(containsString("href=\"/staff/cases/" + first.reference() + "\">" + first.reference() + "</a>: Same victim"));
    }

    @Test
    void doesNotFlagTwoReportsOrCountAnAnonymousOne() {
        String email = "pair-" + ReportRequests.unique() + "@example.org";
        Case first = report(victim(email, null));
        Case second = report(victim(email, null));
        Case anonymous = report(victim(email, null).with("anonymous", true));

        JsonPath secondCase = caseOf(second);
        assertEquals(false, secondCase.getBoolean("flags.repeatVictim"));
        assertEquals(2, secondCase.getInt("flags.victimReports"));
        assertEquals(List.of(first.reference()), sameVictim(secondCase));
        JsonPath anonymousCase = caseOf(anonymous);
        assertEquals(false, anonymousCase.getBoolean("flags.repeatVictim"));
        assertEquals(1, anonymousCase.getInt("flags.victimReports"));
        assertEquals(List.of(), sameVictim(anonymousCase));
        StaffSession.signIn("caseworker").get("/staff/cases/{reference}", second.reference()).then().statusCode(200)
                .body(not(containsString("Repeat victim")));
    }

    @Test
    void findsTheSameVictimByTheirPhoneWrittenAnotherWay() {
        String digits = digits(6);
        Case first = report(victim("first-" + ReportRequests.unique() + "@example.org", "07700 90" + digits));
        Case second = report(victim("second-" + ReportRequests.unique() + "@example.org", "+447700-90" + digits));
        Case other = report(victim("third-" + ReportRequests.unique() + "@example.org", "07700 91" + digits));

        JsonPath secondCase = caseOf(second);
        assertEquals(List.of(first.reference()), sameVictim(secondCase));
        assertEquals(2, secondCase.getInt("flags.victimReports"));
        assertEquals(List.of(), sameVictim(caseOf(other)));
    }

    // ---------------------------------------------------------------- location

    @Test
    void flagsARepeatLocationAtThreeReportsAtTheSamePlaceInTheSameWardAndNotAtTwo() {
        String place = "The old garages " + ReportRequests.unique() + ", Mill Lane";
        Case first = report(at(place, "E36001578"));
        Case second = report(at(place.toUpperCase().replace(",", ""), "E36001578"));
        Case elsewhere = report(at(place, "E36001582"));

        assertEquals(false, flags(second).getBoolean("repeatLocation"));
        assertEquals(2, flags(second).getInt("locationReports"));
        assertEquals(1, flags(elsewhere).getInt("locationReports"), "the same words in another ward are another place");

        Case third = report(at(place + ".", "E36001578"));
        assertEquals(true, flags(third).getBoolean("repeatLocation"));
        assertEquals(3, flags(third).getInt("locationReports"));
        assertEquals(true, flags(first).getBoolean("repeatLocation"));
        StaffSession.signIn("caseworker").get("/staff/cases/{reference}", third.reference()).then().statusCode(200)
                .body(containsString("<strong class=\"govuk-tag govuk-tag--orange\">Repeat location</strong>"));
    }

    @Test
    void flagsARepeatLocationAtThreeReportsWithinTheDuplicateDistance() {
        double latitude = 52.15 + ThreadLocalRandom.current().nextDouble(0.08);
        double longitude = -0.55 + ThreadLocalRandom.current().nextDouble(0.12);
        Case first = report(point("Behind the shops " + ReportRequests.unique(), latitude, longitude));
        Case second = report(point("Car park " + ReportRequests.unique(), latitude + 0.0004, longitude));
        Case far = report(point("Playing field " + ReportRequests.unique(), latitude + 0.01, longitude));

        assertEquals(false, flags(second).getBoolean("repeatLocation"), "two reports within 150 m");
        assertEquals(2, flags(second).getInt("locationReports"));
        assertEquals(1, flags(far).getInt("locationReports"), "a kilometre away");
        Case third = report(point("Bus shelter " + ReportRequests.unique(), latitude, longitude + 0.0005));
        assertEquals(true, flags(third).getBoolean("repeatLocation"));
        assertEquals(3, flags(first).getInt("locationReports"));
    }

    // ---------------------------------------------------------------- perpetrator

    @Test
    void flagsARepeatPerpetratorOnceTheyAreLinkedToTwoCases() {
        Case first = Cases.reportInto("COUNCIL_ASB");
        Case second = Cases.reportInto("COUNCIL_ASB");
        long id = CasePerpetratorsTest.idOf(CasePerpetratorsTest.addPerpetrator("caseworker", first,
                json("name", "Riley Repeat" + ReportRequests.unique())).then().statusCode(201).extract().response());

        assertEquals(false, flags(first).getBoolean("repeatPerpetrator"), "one case is not a repeat");
        assertEquals(1, flags(first).getInt("perpetratorCases"));
        assertEquals(0, flags(second).getInt("perpetratorCases"));

        CasePerpetratorsTest.addPerpetrator("caseworker", second, json("perpetratorId", id)).then().statusCode(200);

        assertEquals(true, flags(first).getBoolean("repeatPerpetrator"));
        assertEquals(2, flags(first).getInt("perpetratorCases"));
        assertEquals(true, flags(second).getBoolean("repeatPerpetrator"));
        StaffSession.signIn("caseworker").get("/staff/cases/{reference}", second.reference()).then().statusCode(200)
                .body(containsString("<strong class=\"govuk-tag govuk-tag--red\">Repeat perpetrator</strong>"));
        as("caseworker").when().delete("/api/v1/cases/{reference}/perpetrators/{id}", second.reference(), id)
                .then().statusCode(200).body("flags.repeatPerpetrator", equalTo(false));
    }

    // ---------------------------------------------------------------- helpers

    private static Body victim(String email, String phone) {
        Body body = Cases.requestFor("COUNCIL_ASB").with("reporter.email", email);
        return phone == null ? body.without("reporter.phone") : body.with("reporter.phone", phone);
    }

    private static Body at(String place, String ward) {
        return Cases.requestFor("COUNCIL_ASB").with("location.description", place).with("location.wardCode", ward)
                .with("reporter.email", "place-" + ReportRequests.unique() + "@example.org").without("reporter.phone");
    }

    private static Body point(String place, double latitude, double longitude) {
        return Cases.requestFor("COUNCIL_ASB").with("location.description", place)
                .with("location.latitude", latitude).with("location.longitude", longitude)
                .with("reporter.email", "point-" + ReportRequests.unique() + "@example.org").without("reporter.phone");
    }

    private static Case report(Body body) {
        return Cases.report(body, "COUNCIL_ASB");
    }

    private static JsonPath caseOf(Case reported) {
        return as("caseworker").when().get("/api/v1/cases/{reference}", reported.reference())
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath flags(Case reported) {
        return caseOf(reported).setRootPath("flags");
    }

    private static List<String> sameVictim(JsonPath caseJson) {
        return caseJson.getList("links.findAll { it.reason == 'SAME_VICTIM' }.reference");
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}
