package org.asbportal.figures;

import static org.asbportal.security.StaffApi.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.asbportal.security.StaffApi;
import org.asbportal.triage.Cases;
import org.asbportal.triage.Cases.Case;
import org.asbportal.ward.WardFixtures.TestWard;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.asbportal.ward.WardFixtures;
import org.asbportal.ward.WardLocator;

/**
 * The counts ward summaries read equal a count from the base tables after reports are received,
 * taken up, closed and merged, police months are imported again and the ward boundaries replaced.
 */
@QuarkusTest
class WardCountsTest {

    /** The portal's clock, fixed at {@link TestDates#NOW} (Wednesday 11 March 2026, 10:30 in London) for every test here. */
    @Inject
    TestClock clock;

    @BeforeEach
    void fixClock() {
        clock.fixAt(TestDates.NOW);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    /** The current month and the one before by the portal's clock, which every test fixes at {@link TestDates#NOW}. */
    private static final String CURRENT = TestDates.month().toString();
    private static final String PREVIOUS = TestDates.month().minusMonths(1).toString();

    /** The counts kept, one line per non-zero count, each with its ward as the column w. */
    private static final List<String> KEPT = List.of(
            "SELECT 'count' AS t, ward_code AS w, DATE_FORMAT(month, '%Y-%m'), source, category_code, closed, risk_level, n "
                    + "FROM ward_month_count WHERE n <> 0",
            "SELECT 'hour' AS t, ward_code AS w, DATE_FORMAT(month, '%Y-%m'), weekday, hour, n FROM ward_month_hour WHERE n <> 0",
            "SELECT 'duration' AS t, ward_code AS w, DATE_FORMAT(month, '%Y-%m'), kind, seconds, n FROM ward_month_duration "
                    + "WHERE n <> 0",
            "SELECT 'place' AS t, ward_code AS w, DATE_FORMAT(month, '%Y-%m'), location, n FROM ward_month_place WHERE n <> 0");

    /** The same counted from the reports, their history and queue items, and the police incidents. */
    private static final List<String> RECOUNTED = List.of(
            "SELECT 'count' AS t, COALESCE(ward_code, '') AS w, DATE_FORMAT(submitted_at, '%Y-%m'), 'PORTAL', category_code, "
                    + "IF(status = 'CLOSED', 1, 0), risk_level, COUNT(*) FROM report GROUP BY 2, 3, 5, 6, 7 "
                    + "UNION ALL SELECT 'count', COALESCE(ward_code, ''), DATE_FORMAT(month, '%Y-%m'), 'POLICE', '', 0, '', "
                    + "COUNT(*) FROM police_incident GROUP BY 2, 3",
            "SELECT 'hour' AS t, COALESCE(ward_code, '') AS w, DATE_FORMAT(submitted_at, '%Y-%m'), WEEKDAY(occurred_on), "
                    + "HOUR(occurred_time), COUNT(*) FROM report WHERE occurred_time IS NOT NULL GROUP BY 2, 3, 4, 5",
            "SELECT 'duration' AS t, w, m, 'FIRST_CONTACT', s, COUNT(*) FROM (SELECT COALESCE(r.ward_code, '') AS w, "
                    + "DATE_FORMAT(r.submitted_at, '%Y-%m') AS m, TIMESTAMPDIFF(SECOND, r.submitted_at, "
                    + "(SELECT MIN(e.occurred_at) FROM report_event e WHERE e.report_id = r.id AND e.kind = 'IN_PROGRESS')) AS s "
                    + "FROM report r) x WHERE s IS NOT NULL GROUP BY w, m, s "
                    + "UNION ALL SELECT 'duration', w, m, 'CLOSURE', s, COUNT(*) FROM (SELECT COALESCE(r.ward_code, '') AS w, "
                    + "DATE_FORMAT(r.submitted_at, '%Y-%m') AS m, TIMESTAMPDIFF(SECOND, r.submitted_at, "
                    + "(SELECT MIN(e.occurred_at) FROM report_event e WHERE e.report_id = r.id AND e.kind = 'CLOSED')) AS s "
                    + "FROM report r) y WHERE s IS NOT NULL GROUP BY w, m, s",
            "SELECT 'place' AS t, COALESCE(ward_code, '') AS w, DATE_FORMAT(month, '%Y-%m'), location, COUNT(*) "
                    + "FROM police_incident WHERE location IS NOT NULL GROUP BY 2, 3, 4");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WardLocator locator;

    @Inject
    WardCounts counts;

    @Test
    void countsEqualARecountAfterSubmissionsStatusChangesPoliceImportsAndNewBoundaries() throws SQLException {
        TestWard ward = WardFixtures.create(dataSource, locator);
        TestWard other = WardFixtures.create(dataSource, locator);
        List<Case> noise = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            noise.add(Cases.report(Cases.requestFor("ENVIRONMENTAL_HEALTH").with("location.wardCode", ward.code()),
                    "ENVIRONMENTAL_HEALTH"));
        }
        Case dumped = Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.wardCode", ward.code())
                .without("occurredTime"), "COUNCIL_ASB");
        Case elsewhere = Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.wardCode", other.code()), "COUNCIL_ASB");
        WardFixtures.police(ward, CURRENT, 4, "On or near Count Street");
        WardFixtures.police(other, PREVIOUS, 2, "On or near Other Street");
        assertEquals(recount(ward, other), kept(ward, other), "after reports are received and police data imported");

        post("claim", noise.get(0), json("version", 0));
        post("claim", noise.get(1), json("version", 0));
        post("close", noise.get(1), json("version", 1, "outcome", "RESOLVED"));
        post("close", noise.get(2), json("version", 0, "outcome", "ADVICE_GIVEN"));
        post("updates", noise.get(3), json("text", "We have spoken to the neighbours.", "public", true));
        post("claim", elsewhere, json("version", 0));
        StaffApi.as("admin").body(json("version", 0, "reference", noise.get(0).reference()))
                .when().post("/api/v1/cases/{reference}/merge", dumped.reference()).then().statusCode(200);
        List<String> afterWork = kept(ward, other);
        assertEquals(recount(ward, other), afterWork, "after cases are taken up, closed and merged");
        assertFalse(afterWork.stream().noneMatch(line -> line.contains("|CLOSURE|")), "closures are counted");
        assertFalse(afterWork.stream().noneMatch(line -> line.contains("|FIRST_CONTACT|")), "first contacts are counted");

        StringBuilder again = new StringBuilder(PoliceData.HEADER);
        again.append(PoliceData.asb("Force of " + ward.code() + " On or near Count Street", CURRENT, ward.lonLat(),
                "On or near Count Street"));
        again.append(PoliceData.asb("Force of " + ward.code() + " On or near Count Street", CURRENT, ward.lonLat(),
                "On or near New Street"));
        PoliceData.importCsv("admin", again.toString()).then().statusCode(200).body("imported", equalTo(2));
        assertEquals(recount(ward, other), kept(ward, other), "after a police month is imported again");

        String bedford = PoliceData.resource("/bedford/wards.geojson");
        int end = bedford.lastIndexOf(']');
        String[] lonLat = ward.lonLat().split(",");
        double lon = Math.floor(Double.parseDouble(lonLat[0]));
        String square = "{\"type\":\"Feature\",\"properties\":{\"cmwd11cd\":\"T0000COUNT\",\"cmwd11nm\":\"Test Count\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + lon + ",20],[" + (lon + 1) + ",20],[" + (lon + 1)
                + ",21],[" + lon + ",21],[" + lon + ",20]]]}}";
        try {
            PoliceData.replaceWards(bedford.substring(0, end) + "," + square + bedford.substring(end), "cmwd11cd", "cmwd11nm")
                    .then().statusCode(200);
            assertEquals(recount(), kept(), "after the ward boundaries are replaced, everywhere");
            assertFalse(kept().stream().noneMatch(line -> line.startsWith("place|T0000COUNT|")),
                    "police incidents counted in the new ward");
        } finally {
            PoliceData.restoreBedfordWards();
        }
        assertEquals(recount(), kept(), "after the wards are put back");

        QuarkusTransaction.requiringNew().run(counts::rebuildAll);
        assertEquals(recount(), kept(), "after a rebuild");
    }

    private static void post(String action, Case reported, java.util.Map<String, Object> body) {
        StaffApi.as("admin").body(body).when().post("/api/v1/cases/{reference}/" + action, reported.reference())
                .then().statusCode(200);
    }

    private List<String> kept(TestWard... wards) throws SQLException {
        return lines(KEPT, wards);
    }

    private List<String> recount(TestWard... wards) throws SQLException {
        return lines(RECOUNTED, wards);
    }

    /** The lines of the queries, for the wards given (all wards and none when none are), sorted. */
    private List<String> lines(List<String> queries, TestWard... wards) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String query : queries) {
                String sql = "SELECT * FROM (" + query + ") x"
                        + (wards.length == 0 ? "" : " WHERE x.w IN (" + String.join(", ", Collections.nCopies(wards.length, "?")) + ")");
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int i = 0; i < wards.length; i++) {
                        statement.setString(i + 1, wards[i].code());
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            List<String> values = new ArrayList<>();
                            for (int c = 1; c <= columns; c++) {
                                values.add(rows.getString(c));
                            }
                            lines.add(String.join("|", values));
                        }
                    }
                }
            }
        }
        Collections.sort(lines);
        return lines;
    }
}
