package org.asbportal.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.asbportal.security.StaffSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Who may use the administration pages: every page and form as anonymous (sent to sign in), as each
 * demonstration account that is not an administrator (403, nothing changed) and as the administrator.
 */
@QuarkusTest
class AdminAuthorisationTest {

    /** Every administration route. {id} is an existing record of the route's kind. Posts send an empty form. */
    enum Route {
        INDEX("GET /admin", 200),
        ORGANISATIONS("GET /admin/organisations", 200),
        ORGANISATION_NEW("GET /admin/organisations/new", 200),
        ORGANISATION_CREATE("POST /admin/organisations/new", 400),
        ORGANISATION("GET /admin/organisations/{organisation}", 200),
        ORGANISATION_RENAME("POST /admin/organisations/{organisation}", 400),
        ACCOUNTS("GET /admin/accounts", 200),
        ACCOUNT_NEW("GET /admin/accounts/new", 200),
        ACCOUNT_CREATE("POST /admin/accounts/new", 400),
        ACCOUNT("GET /admin/accounts/{account}", 200),
        ACCOUNT_UPDATE("POST /admin/accounts/{account}", 409),
        ACCOUNT_PASSWORD("POST /admin/accounts/{account}/password", 409),
        ACCOUNT_UNLOCK("POST /admin/accounts/{account}/unlock", 409),
        ACCOUNT_TWO_FACTOR_RESET("POST /admin/accounts/{account}/two-factor/reset", 409),
        ACCOUNT_TOKENS("GET /admin/accounts/{account}/tokens", 200),
        ACCOUNT_TOKEN_CREATE("POST /admin/accounts/{account}/tokens", 400),
        QUEUES("GET /admin/queues", 200),
        QUEUE_NEW("GET /admin/queues/new", 200),
        QUEUE_CREATE("POST /admin/queues/new", 400),
        QUEUE("GET /admin/queues/{queue}", 200),
        QUEUE_UPDATE("POST /admin/queues/{queue}", 400),
        RESPONSE_TEMPLATES("GET /admin/response-templates", 200),
        RESPONSE_TEMPLATE_NEW("GET /admin/response-templates/new", 200),
        RESPONSE_TEMPLATE_CREATE("POST /admin/response-templates/new", 400),
        RULES("GET /admin/routing", 200),
        RULE_NEW("GET /admin/routing/new", 200),
        RULE_CREATE("POST /admin/routing/new", 400),
        RULE("GET /admin/routing/{rule}", 200),
        RULE_UPDATE("POST /admin/routing/{rule}", 400),
        RULE_DELETE_CONFIRM("GET /admin/routing/{rule}/delete", 200),
        /** The rule is the only catch-all, which the administrator may not delete either. */
        RULE_DELETE("POST /admin/routing/{rule}/delete", 400),
        AGENCIES("GET /admin/directory", 200),
        AGENCY_NEW("GET /admin/directory/new", 200),
        AGENCY_CREATE("POST /admin/directory/new", 400),
        AGENCY("GET /admin/directory/{agency}", 200),
        AGENCY_UPDATE("POST /admin/directory/{agency}", 400),
        BANK_HOLIDAYS("GET /admin/bank-holidays", 200),
        BANK_HOLIDAY_NEW("GET /admin/bank-holidays/new", 200),
        BANK_HOLIDAY_ADD("POST /admin/bank-holidays/new", 400),
        BANK_HOLIDAY_DELETE_CONFIRM("GET /admin/bank-holidays/{holiday}/delete", 200),
        BANK_HOLIDAY_IMPORT_FORM("GET /admin/bank-holidays/import", 200),
        PARTNERS("GET /admin/partners", 200),
        PARTNER_FORM("GET /admin/partners/edit", 200),
        PARTNER_SAVE("POST /admin/partners/edit", 400),
        TARGETS("GET /admin/targets", 200),
        TARGET_NEW("GET /admin/targets/new", 200),
        TARGET_ADD("POST /admin/targets/new", 400),
        LETTERS("GET /admin/letters", 200),
        LETTER("GET /admin/letters/WARNING", 200),
        LETTER_VERSION("GET /admin/letters/WARNING/versions/1", 200),
        LETTER_SAVE("POST /admin/letters/WARNING", 400),
        AUDIT("GET /admin/audit", 200),
        RETENTION("GET /admin/retention", 200),
        /** A run redirects back to the page, where its counts are. */
        RETENTION_DRY_RUN("POST /admin/retention/dry-run", 303),
        RETENTION_RUN("POST /admin/retention/run", 303),
        /** Without a reference or a reason, refused. */
        LEGAL_HOLD_PLACE("POST /admin/retention/holds", 400),
        /** The hold was lifted already: nothing changes, back to the page. */
        LEGAL_HOLD_LIFT("POST /admin/retention/holds/{hold}/lift", 303),
        SUBJECT_ACCESS("GET /admin/subject-access", 200),
        SUBJECT_ACCESS_SEARCH("POST /admin/subject-access", 400),
        SUBJECT_ACCESS_COPY("GET /admin/subject-access/{request}", 200),
        SUBJECT_ACCESS_DOWNLOAD("GET /admin/subject-access/{request}/copy.json", 200),
        /** Without a reason and a confirmation, refused. */
        SUBJECT_ACCESS_ERASE("POST /admin/subject-access/{request}/erase", 400);

        final String method;
        final String path;
        final int adminStatus;

        Route(String route, int adminStatus) {
            this.method = route.split(" ")[0];
            this.path = route.split(" ")[1];
            this.adminStatus = adminStatus;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<String> NOT_ADMINS = List.of("triage", "caseworker", "police", "coordinator", "reviewer", "councillor");

    private static final Map<String, StaffSession> SESSIONS = new ConcurrentHashMap<>();

    @Inject
    AgroalDataSource dataSource;

    AdminRows db;

    @BeforeEach
    void setUp() {
        db = new AdminRows(dataSource);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Route.class)
    void sendsAnAnonymousBrowserToSignIn(Route route) {
        long auditBefore = db.lastAuditId();

        Response response = send(route, StaffSession.anonymous());

        assertEquals(302, response.statusCode(), response.asString());
        assertTrue(response.header("Location").matches("(https?://[^/]+)?/login"), response.header("Location"));
        assertEquals(List.of(), db.auditAfter(auditBefore));
    }

    static Stream<Arguments> everyRouteAsStaffWhoAreNotAdministrators() {
        return NOT_ADMINS.stream().flatMap(who -> Arrays.stream(Route.values()).map(route -> Arguments.of(route, who)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRouteAsStaffWhoAreNotAdministrators")
    void forbidsStaffWhoAreNotAdministrators(Route route, String who) {
        long auditBefore = db.lastAuditId();
        String unchanged = unchangedState();

        Response response = send(route, session(who));

        assertEquals(403, response.statusCode(), response.asString());
        response.then().contentType(startsWith("text/html"))
                .body(containsString("You do not have access to this"))
                .body(not(containsString("Exception")));
        assertEquals(List.of(), db.auditAfter(auditBefore));
        assertEquals(unchanged, unchangedState());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Route.class)
    void letsTheAdministratorIn(Route route) {
        String unchanged = unchangedState();

        Response response = send(route, session("admin"));

        assertEquals(route.adminStatus, response.statusCode(), response.asString());
        if (route.path.endsWith(".json")) {
            response.then().contentType(startsWith("application/json"));
        } else if (route.adminStatus == 303) {
            assertTrue(response.header("Location").matches("(https?://[^/]+)?/admin/.*"), response.header("Location"));
        } else {
            response.then().contentType(startsWith("text/html")).body(containsString("Signed in as <strong>Ada Admin</strong>"));
        }
        assertEquals(unchanged, unchangedState(), "an empty form changes nothing");
    }

    @Test
    void linksToAdministrationOnlyForAdministrators() {
        session("admin").get("/staff").then().statusCode(200).body(containsString("href=\"/admin\">Administration</a>"));
        session("triage").get("/staff").then().statusCode(200).body(not(containsString("href=\"/admin\"")));
        session("caseworker").get("/staff/meetings").then().statusCode(200).body(not(containsString("href=\"/admin\"")));
    }

    private Response send(Route route, StaffSession browser) {
        String path = route.path.replace("{organisation}", String.valueOf(organisationId()))
                .replace("{account}", String.valueOf(db.accountId("reviewer")))
                .replace("{queue}", String.valueOf(db.rows("SELECT id FROM triage_queue WHERE code = 'MANUAL_CHECK'").get(0).number("id")))
                .replace("{agency}", String.valueOf(db.rows("SELECT id FROM agency WHERE code = 'CRIMESTOPPERS'").get(0).number("id")))
                .replace("{rule}", String.valueOf(db.rows("SELECT id FROM routing_rule WHERE priority = 1000").get(0).number("id")))
                .replace("{holiday}", String.valueOf(db.rows("SELECT id FROM bank_holiday WHERE division = 'england-and-wales' "
                        + "AND holiday_date = '2026-04-06'").get(0).number("id")))
                .replace("{hold}", String.valueOf(liftedHold()))
                .replace("{request}", String.valueOf(subjectAccessRequest()));
        return "GET".equals(route.method) ? browser.get(path) : browser.post(path, Map.of());
    }

    /** A hold lifted already, so that lifting it again changes nothing. */
    private long liftedHold() {
        if (db.count("SELECT COUNT(*) FROM legal_hold WHERE reason = 'Authorisation matrix'") == 0) {
            db.update("INSERT INTO legal_hold (record_kind, reference, reason, placed_by, placed_at, lifted_by, lifted_at) "
                    + "VALUES ('REPORT', 'ASB-0000-0000', 'Authorisation matrix', 'admin', UTC_TIMESTAMP(6), 'admin', UTC_TIMESTAMP(6))");
        }
        return db.rows("SELECT id FROM legal_hold WHERE reason = 'Authorisation matrix'").get(0).number("id");
    }

    /** A search that found nothing, so that erasing from it has nothing to change. */
    private long subjectAccessRequest() {
        String hash = "0".repeat(64);
        if (db.count("SELECT COUNT(*) FROM subject_access_request WHERE term_hash = ?", hash) == 0) {
            db.update("INSERT INTO subject_access_request (requested_at, requested_by, term_kind, term_hash, report_ids, "
                    + "application_ids, contact_ids, message_ids) VALUES (UTC_TIMESTAMP(6), 'admin', 'EMAIL', ?, '', '', '', '')", hash);
        }
        return db.rows("SELECT id FROM subject_access_request WHERE term_hash = ?", hash).get(0).number("id");
    }

    private long organisationId() {
        return db.rows("SELECT id FROM organisation WHERE code = 'HOUSING'").get(0).number("id");
    }

    /** What an empty form must not change: the account's version and API tokens, the rules, queues and bank holidays. */
    private String unchangedState() {
        return db.account("reviewer").number("version") + " "
                + db.count("SELECT COUNT(*) FROM api_token WHERE account_id = ?", db.accountId("reviewer")) + " "
                + db.rows("SELECT COUNT(*) AS n, SUM(priority) AS p FROM routing_rule").get(0).columns() + " "
                + db.rows("SELECT name, description, organisation_id FROM triage_queue WHERE code = 'MANUAL_CHECK'").get(0).columns() + " "
                + db.rows("SELECT name, phone, sort_order FROM agency WHERE code = 'CRIMESTOPPERS'").get(0).columns() + " "
                + db.count("SELECT COUNT(*) FROM bank_holiday") + " "
                + db.count("SELECT COUNT(*) FROM letter_template_version") + " "
                + db.count("SELECT COUNT(*) FROM legal_hold WHERE lifted_at IS NULL") + " "
                + db.count("SELECT COUNT(*) FROM subject_access_request WHERE erased_at IS NOT NULL");
    }

    private static StaffSession session(String username) {
        return SESSIONS.computeIfAbsent(username, StaffSession::signIn);
    }
}
