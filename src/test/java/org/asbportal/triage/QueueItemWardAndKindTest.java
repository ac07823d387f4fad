package org.asbportal.triage;

import static org.asbportal.security.StaffApi.as;
import static org.asbportal.security.StaffApi.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.asbportal.figures.PoliceData;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.triage.Cases.Case;
import org.asbportal.ward.WardFixtures;
import org.asbportal.ward.WardFixtures.TestWard;
import org.asbportal.ward.WardLocator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A queue item carries its report's ward and kind of behaviour, which the queue filters on: from
 * intake, through transfers, and into the report's new ward when the ward boundaries are replaced.
 */
@QuarkusTest
class QueueItemWardAndKindTest {

    /** A one-degree square far from Bedford and from every other test's wards, with a point inside it. */
    static final String SQUARE = "{\"type\":\"Feature\",\"properties\":{\"cmwd11cd\":\"T0000QUEUE\",\"cmwd11nm\":\"Test Queue\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[35,35],[36,35],[36,36],[35,36],[35,35]]]}}";
    static final double INSIDE_LATITUDE = 35.5;
    static final double INSIDE_LONGITUDE = 35.5;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WardLocator locator;

    TriageRows db;

    @BeforeEach
    void database() {
        db = new TriageRows(dataSource);
    }

    @Test
    void aNewQueueItemCarriesItsReportsWardAndKind() throws SQLException {
        TestWard ward = WardFixtures.create(dataSource, locator);
        Case dumped = Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.wardCode", ward.code()), "COUNCIL_ASB");
        Case noisy = Cases.report(Cases.requestFor("ENVIRONMENTAL_HEALTH").with("location.wardCode", ward.code()),
                "ENVIRONMENTAL_HEALTH");

        assertWardAndKind(dumped, ward.code(), "FLY_TIPPING");
        assertWardAndKind(noisy, ward.code(), "NOISE");
        assertEquals(List.of(dumped.reference()), references("COUNCIL_ASB", Map.of("ward", ward.code())));
        assertEquals(List.of(dumped.reference()),
                references("COUNCIL_ASB", Map.of("ward", ward.code(), "category", "FLY_TIPPING")));
        assertEquals(List.of(), references("COUNCIL_ASB", Map.of("ward", ward.code(), "category", "GRAFFITI_DAMAGE")));
        assertEquals(List.of(noisy.reference()),
                references("ENVIRONMENTAL_HEALTH", Map.of("ward", ward.code(), "category", "NOISE", "assigned", "unassigned")));
    }

    @Test
    void aCaseKeepsItsWardAndKindWhenTakenUpAndTransferred() throws SQLException {
        TestWard ward = WardFixtures.create(dataSource, locator);
        Case dumped = Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.wardCode", ward.code()), "COUNCIL_ASB");

        as("admin").body(json("version", 0)).when().post("/api/v1/cases/{reference}/claim", dumped.reference())
                .then().statusCode(200);
        as("admin").body(json("version", 1, "queue", "ENVIRONMENTAL_HEALTH", "reason", "Smells of the dumped bags"))
                .when().post("/api/v1/cases/{reference}/transfer", dumped.reference())
                .then().statusCode(200).body("queueCode", equalTo("ENVIRONMENTAL_HEALTH"));

        assertWardAndKind(dumped, ward.code(), "FLY_TIPPING");
        assertEquals(List.of(), references("COUNCIL_ASB", Map.of("ward", ward.code())));
        assertEquals(List.of(dumped.reference()),
                references("ENVIRONMENTAL_HEALTH", Map.of("ward", ward.code(), "category", "FLY_TIPPING")));
    }

    @Test
    void queueItemsFollowTheirReportsWhenTheWardsAreReplaced() throws SQLException {
        TestWard removed = WardFixtures.create(dataSource, locator);
        Case byWard = Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.wardCode", removed.code()), "COUNCIL_ASB");
        Case byPoint = Cases.report(Cases.requestFor("COUNCIL_ASB")
                .with("location.latitude", INSIDE_LATITUDE).with("location.longitude", INSIDE_LONGITUDE), "COUNCIL_ASB");
        assertWardAndKind(byWard, removed.code(), "FLY_TIPPING");
        assertWardAndKind(byPoint, null, "FLY_TIPPING");

        try {
            String bedford = PoliceData.resource("/bedford/wards.geojson");
            int end = bedford.lastIndexOf(']');
            PoliceData.replaceWards(bedford.substring(0, end) + "," + SQUARE + bedford.substring(end), "cmwd11cd", "cmwd11nm")
                    .then().statusCode(200);

            assertWardAndKind(byPoint, "T0000QUEUE", "FLY_TIPPING");
            assertWardAndKind(byWard, null, "FLY_TIPPING");
            List<String> inNewWard = references("COUNCIL_ASB", Map.of("ward", "T0000QUEUE"));
            assertTrue(inNewWard.contains(byPoint.reference()), inNewWard.toString());
            assertFalse(inNewWard.contains(byWard.reference()), inNewWard.toString());
            assertEquals(List.of(), references("COUNCIL_ASB", Map.of("ward", removed.code())));
        } finally {
            PoliceData.restoreBedfordWards();
        }
        assertWardAndKind(byPoint, null, "FLY_TIPPING");
        assertEquals(List.of(), references("COUNCIL_ASB", Map.of("ward", "T0000QUEUE")));
    }

    /** The queue item holds the ward and kind, and they are its report's. */
    private void assertWardAndKind(Case reported, String ward, String kind) {
        Row item = db.item(reported.reference());
        Row report = db.report(reported.reference());
        assertEquals(ward, item.string("ward_code"), "queue item's ward");
        assertEquals(kind, item.string("category_code"), "queue item's kind");
        assertEquals(report.string("ward_code"), item.string("ward_code"), "the report's ward");
        assertEquals(report.string("category_code"), item.string("category_code"), "the report's kind");
    }

    /** Every open case on the queue's pages with these filters, through the staff API. */
    private static List<String> references(String queue, Map<String, String> filters) {
        List<String> references = new ArrayList<>();
        String cursor = null;
        do {
            var request = as("admin").queryParams(filters);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/queues/{code}/items", queue);
            page.then().statusCode(200);
            references.addAll(page.jsonPath().getList("items.reference", String.class));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return references;
    }
}
