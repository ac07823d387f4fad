package org.asbportal.figures;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.asbportal.triage.Cases;
import org.asbportal.ward.WardFixtures;
import org.asbportal.ward.WardFixtures.TestWard;
import org.asbportal.ward.WardLocator;
import org.junit.jupiter.api.Test;

/**
 * A ward summary counts the Community Trigger applications that cite a portal report in the ward,
 * asking the case reviews which reports they cite and the reports which ward they are in.
 */
@QuarkusTest
class WardTriggerApplicationsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WardLocator locator;

    @Inject
    WardStatistics statistics;

    @Inject
    Clock clock;

    @Test
    void anApplicationCitingAReportCountsInTheReportsWardOnly() throws SQLException {
        TestWard cited = WardFixtures.create(dataSource, locator);
        TestWard other = WardFixtures.create(dataSource, locator);
        Cases.Case first = Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.wardCode", cited.code()), "COUNCIL_ASB");
        Cases.Case second = Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.wardCode", cited.code()), "COUNCIL_ASB");
        apply(List.of(first.reference(), second.reference()), List.of(first.accessCode(), second.accessCode()));
        apply(List.of(second.reference()), List.of(second.accessCode()));
        // citing a report without its access code (by someone who is not its reporter) counts nowhere until confirmed
        apply(List.of(first.reference()), List.of());

        MonthRange thisMonth = new MonthRange(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)),
                YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)));
        assertEquals(2, count(cited, thisMonth), "two applications, one citing two of the ward's reports");
        assertEquals(0, count(other, thisMonth));
        MonthRange lastYear = new MonthRange(thisMonth.from().minusYears(1), thisMonth.to().minusYears(1));
        assertEquals(0, count(cited, lastYear), "applications are counted in the months they were received");
    }

    private long count(TestWard ward, MonthRange range) {
        return QuarkusTransaction.requiringNew().call(() -> statistics.triggerApplications(ward.code(), range));
    }

    private static void apply(List<String> references, List<String> accessCodes) {
        Map<String, Object> body = Map.of(
                "applicant", Map.of("name", "Alex Applicant", "email", "alex.applicant@example.org", "type", "PERSON"),
                "description", "Shouting and banging doors every night",
                "impact", "I cannot sleep.",
                "hateMotivated", false,
                "reportReferences", references,
                "reportAccessCodes", accessCodes,
                "otherComplaints", List.of(),
                "outcomeWanted", "For the noise to stop.");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/community-trigger/applications")
                .then().statusCode(201);
    }
}
