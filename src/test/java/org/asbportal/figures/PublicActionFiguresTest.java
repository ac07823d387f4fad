package org.asbportal.figures;

import static io.restassured.RestAssured.given;
import static org.asbportal.security.StaffApi.as;
import static org.asbportal.security.StaffApi.json;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.asbportal.triage.Cases;
import org.asbportal.triage.Cases.Case;
import org.asbportal.ward.WardFixtures;
import org.asbportal.ward.WardFixtures.TestWard;
import org.asbportal.ward.WardLocator;
import org.asbportal.web.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the partnership did, for the public: actions done (not open, not cancelled) of the published
 * kinds, by the ward of the case and the month they were done, with small counts withheld as in the
 * other figures. The clock runs in December 2032 so the month counted is this test's alone.
 */
@QuarkusTest
class PublicActionFiguresTest {

    static final Instant NOW = Instant.parse("2032-12-10T11:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WardLocator locator;

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void countsDoneActionsByWardAndMonthWithholdingSmallCounts() throws Exception {
        clock.fixAt(NOW);
        TestWard testWard = WardFixtures.create(dataSource, locator);
        Case kase = Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.wardCode", testWard.code()), "COUNCIL_ASB");
        Map<String, String> before = cells();
        int threshold = Integer.parseInt(given().get("/figures").then().extract().asString()
                .replaceAll("(?s).*numbers from 1 to (\\d+) are shown as.*", "$1")) + 1;

        for (int i = 0; i < threshold; i++) {
            done(kase, "WARNING", "DONE");
        }
        done(kase, "COMMUNITY_PROTECTION_NOTICE", "DONE");
        done(kase, "ACCEPTABLE_BEHAVIOUR_CONTRACT", "CANCELLED");
        add(kase, "ACCEPTABLE_BEHAVIOUR_CONTRACT");
        done(kase, "MEDIATION", "DONE");

        clock.fixAt(NOW.plusSeconds(3600 * 24 * 2));
        Map<String, String> after = cells();
        String ward = testWard.code() + "|2032-12|";
        assertEquals("0", before.get(ward + "Warning (verbal or written)"), "no warnings before in this month");
        assertEquals(String.valueOf(threshold), after.get(ward + "Warning (verbal or written)"), "warnings done, shown");
        assertEquals("fewer than " + threshold, after.get(ward + "Community Protection Notice"), "one notice, withheld");
        assertEquals("0", after.get(ward + "Acceptable behaviour contract"), "cancelled and open contracts are not counted");
        assertTrue(after.keySet().stream().noneMatch(k -> k.endsWith("Mediation")), "mediation is not a published kind");
        assertTrue(after.containsKey(ward + "Dispersal direction") && after.containsKey(ward + "Public Spaces Protection Order enforcement"));
        // Closed, so the queue's newest open cases are not this test's, years ahead.
        as("caseworker").body(json("version", 0)).when().post("/api/v1/cases/{reference}/claim", kase.reference())
                .then().statusCode(200);
        as("caseworker").body(json("version", 1, "outcome", "ACTION_TAKEN"))
                .when().post("/api/v1/cases/{reference}/close", kase.reference()).then().statusCode(200);
        given().get("/figures").then().statusCode(200)
                .body(containsString("What the partnership did"))
                .body(containsString("Actions taken by ward"))
                .body(containsString("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Community Protection Notice</th>"));
    }

    private static Map<String, String> cells() {
        String csv = given().get("/figures/actions.csv").then().statusCode(200).extract().asString();
        List<String> lines = Arrays.asList(csv.split("\r?\n"));
        assertEquals("ward code,ward,month,action,count", lines.get(0));
        return lines.stream().skip(1).map(line -> line.split(","))
                .collect(Collectors.toMap(c -> c[0] + "|" + c[2] + "|" + c[3], c -> c[4], (a, b) -> a));
    }

    private static long add(Case kase, String type) {
        return ((Number) as("caseworker").body(json("type", type, "description", "Published figures", "owner", "caseworker",
                "dueOn", "2032-12-20")).when().post("/api/v1/cases/{reference}/actions", kase.reference())
                .then().statusCode(201).extract().path("id")).longValue();
    }

    private static void done(Case kase, String type, String status) {
        long id = add(kase, type);
        as("caseworker").body(json("version", 0, "status", status, "result", "Done"))
                .when().post("/api/v1/cases/{reference}/actions/{id}/result", kase.reference(), id).then().statusCode(200);
    }
}
