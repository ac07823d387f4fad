package org.asbportal.triage;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRequests.Body;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Cases for staff tests: a resident's report sent through {@code POST /api/v1/reports} with answers
 * the routing rules send to the queue wanted. Each has its own date and place (see
 * {@link ReportRequests}), so it is never linked to another as a possible duplicate.
 */
public final class Cases {

    /** A report as staff see it, and what its victim holds to track it. */
    public record Case(String reference, String accessCode, String queue, Body request) {
    }

    private Cases() {
    }

    /** A valid report that routing sends to {@code queue}. */
    public static Body requestFor(String queue) {
        Body body = ReportRequests.valid();
        return switch (queue) {
            case "ENVIRONMENTAL_HEALTH" -> body.with("categoryCode", "NOISE");
            case "COUNCIL_ASB" -> body.with("categoryCode", "FLY_TIPPING")
                    .with("description", "Mattresses and bin bags dumped by the garages, " + ReportRequests.unique());
            case "POLICE_NEIGHBOURHOOD" -> body.with("categoryCode", "DRUGS")
                    .with("description", "Cars stopping for a minute at the corner, swapping packets, "
                            + ReportRequests.unique());
            case "HOUSING_PROVIDERS" -> body.with("categoryCode", "NEIGHBOUR");
            case "YOUTH_OUTREACH" -> body.with("categoryCode", "ROWDY").with("risk.youngPeopleInvolved", "YES");
            case "VULNERABILITY_HUB" -> body.with("categoryCode", "NEIGHBOUR").with("stillHappening", true)
                    .with("risk.impact", "SEVERE").with("risk.feelsUnsafeAtHome", true);
            case "HATE_INCIDENTS" -> body.with("categoryCode", "INTIMIDATION").with("risk.targetedForIdentity", true)
                    .with("risk.targetedBecause", List.of("RACE"));
            default -> throw new IllegalArgumentException("No fixture routes to " + queue);
        };
    }

    /** Sends a report that lands in {@code queue}. */
    public static Case reportInto(String queue) {
        return report(requestFor(queue), queue);
    }

    /** Sends this report, asserting it is saved and lands in {@code queue}. */
    public static Case report(Body request, String queue) {
        Response response = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(request.json().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/reports");
        assertEquals(201, response.statusCode(), response.asString());
        assertEquals(queue, response.path("queue"), "routed to");
        return new Case(response.path("reference"), response.path("accessCode"), queue, request);
    }

    /** The victim's {@code /track} page for the report, as their browser gets it with the reference and code. */
    public static Response trackPage(Case reported) {
        return org.asbportal.security.StaffSession.anonymous().post("/track",
                "reference", reported.reference(), "accessCode", reported.accessCode());
    }

    /** What the victim sees when tracking the report with its access code. */
    public static Response track(Case reported) {
        return given().accept(ContentType.JSON).header("X-Access-Code", reported.accessCode())
                .when().get("/api/v1/reports/{reference}", reported.reference());
    }
}
