package org.asbportal.trigger;

import static org.asbportal.security.StaffSession.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.asbportal.notify.Victims;
import org.asbportal.report.ReportRows;
import org.asbportal.security.StaffSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may use the review pages' single point of contact, Commissioner's review, Home Office return and
 * cited report routes: anonymous browsers are sent to sign in, every role that is neither coordinator
 * nor administrator is refused (403, nothing changed, nothing read), coordinator and administrator get in.
 */
@QuarkusTest
class TriggerReviewPagesAuthorisationTest {

    /** Every route; {app} is an application, {report} a report it cites. Posts send a complete form. */
    enum Route {
        RETURN_PAGE("GET", "/staff/community-trigger/home-office-return", 200),
        RETURN_CSV("GET", "/staff/community-trigger/home-office-return/csv?year=2025", 200),
        CITED_REPORT("GET", "/staff/community-trigger/{app}/reports/{report}", 200),
        CONTACT_POINT("POST", "/staff/community-trigger/{app}/contact-point", 303),
        /** No request for the Commissioner's review yet: refused as a conflict, once past the role check. */
        PCC_REFERRAL("POST", "/staff/community-trigger/{app}/pcc-review/referral", 409),
        PCC_DECISION("POST", "/staff/community-trigger/{app}/pcc-review/decision", 409);

        final String method;
        final String path;
        final int allowedStatus;

        Route(String method, String path, int allowedStatus) {
            this.method = method;
            this.path = path;
            this.allowedStatus = allowedStatus;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<String> REFUSED = List.of("triage", "caseworker", "police", "reviewer", "councillor");

    @Inject
    AgroalDataSource dataSource;

    ReportRows db;

    @BeforeEach
    void setUp() {
        db = new ReportRows(dataSource);
    }

    static Stream<Arguments> refusedRoutes() {
        return Stream.of(Route.values()).flatMap(route -> REFUSED.stream().map(who -> Arguments.of(route, who)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("refusedRoutes")
    void refusesEveryRoleThatDoesNotReviewApplications(Route route, String who) {
        String application = Reviews.meetingTheThreshold(Victims.uniqueEmail()).reference();
        String before = state(application);

        Response response = send(route, StaffSession.signIn(who), application);

        assertEquals(403, response.statusCode(), route + " as " + who);
        assertEquals(before, state(application), "nothing changed");
        assertEquals(0, db.count("SELECT COUNT(*) FROM audit_entry WHERE action IN ('TRIGGER_SPOC', 'TRIGGER_PCC_REFERRAL', "
                + "'TRIGGER_PCC_DECISION', 'TRIGGER_RETURN_EXPORT', 'READ_TRIGGER_CITED_REPORT') AND actor = ?", who));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void sendsAnAnonymousBrowserToSignIn(Route route) {
        String application = Reviews.meetingTheThreshold(Victims.uniqueEmail()).reference();
        String before = state(application);

        Response response = send(route, StaffSession.anonymous(), application);

        assertEquals(302, response.statusCode(), route + ": " + response.asString());
        assertTrue(response.header("Location").matches("(https?://[^/]+)?/login"), response.header("Location"));
        assertEquals(before, state(application));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("allowedRoutes")
    void letsTheCoordinatorAndTheAdministratorIn(Route route, String who) {
        String application = Reviews.meetingTheThreshold(Victims.uniqueEmail()).reference();

        Response response = send(route, StaffSession.signIn(who), application);

        assertEquals(route.allowedStatus, response.statusCode(), route + " as " + who + ": " + response.asString());
    }

    @Test
    void theStaffBarOffersACoordinatorOnlyWhatItMayOpen() {
        StaffSession coordinator = StaffSession.signIn("coordinator");
        String page = coordinator.get("/staff/community-trigger/home-office-return").then().statusCode(200).extract().asString();
        org.jsoup.nodes.Document document = org.jsoup.Jsoup.parse(page);
        List<String> links = document.select(".portal-staff-bar a[href]").eachAttr("href");
        assertTrue(links.contains("/staff/community-trigger"), links.toString());
        assertTrue(!links.contains("/staff") && !links.contains("/staff/meetings") && !links.contains("/admin"), links.toString());
        for (String link : links) {
            assertEquals(200, coordinator.get(link).statusCode(), link);
        }
    }

    static Stream<Route> routes() {
        return Stream.of(Route.values());
    }

    static Stream<Arguments> allowedRoutes() {
        return Stream.of(Route.values()).flatMap(route -> Stream.of("coordinator", "admin").map(who -> Arguments.of(route, who)));
    }

    private Response send(Route route, StaffSession browser, String application) {
        String path = route.path.replace("{app}", application).replace("{report}", citedReport(application));
        if (route.method.equals("GET")) {
            return browser.get(path);
        }
        String version = String.valueOf(Reviews.version(application));
        Map<String, String> form = switch (route) {
            case CONTACT_POINT -> fields("version", version, "name", "Sam Contact", "organisation", "Council",
                    "phone", "01632 960 100");
            case PCC_REFERRAL -> fields("version", version, "referredOn-day", "1", "referredOn-month", "3", "referredOn-year", "2026");
            default -> fields("version", version, "decision", "OVERTURNED", "reasons", "Counts.", "decidedOn-day", "1",
                    "decidedOn-month", "3", "decidedOn-year", "2026");
        };
        return browser.post(path, form);
    }

    private String citedReport(String application) {
        return db.rows("SELECT c.report_reference FROM trigger_complaint c JOIN trigger_application a ON a.id = c.application_id "
                + "WHERE a.reference = ? ORDER BY c.position LIMIT 1", application).get(0).string("report_reference");
    }

    private String state(String application) {
        return db.rows("SELECT status, version, spoc_name FROM trigger_application WHERE reference = ?", application).toString()
                + db.count("SELECT COUNT(*) FROM trigger_pcc_review p JOIN trigger_application a ON a.id = p.application_id "
                        + "WHERE a.reference = ?", application);
    }
}
