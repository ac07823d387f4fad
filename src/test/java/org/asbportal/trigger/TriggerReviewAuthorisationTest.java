package org.asbportal.trigger;

import static org.asbportal.trigger.TriggerRequests.citing;
import static org.asbportal.trigger.TriggerRequests.otherComplaint;
import static org.asbportal.trigger.TriggerRequests.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.asbportal.notify.Victims;
import org.asbportal.report.ReportRows;
import org.asbportal.security.StaffApi;
import org.asbportal.security.StaffSession;
import org.asbportal.web.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A member of staff who is neither a Community Trigger coordinator nor an administrator (the triage
 * officer) cannot change a review through any form or API call: each is refused with a 403 and
 * leaves the application as it was, though the change is one a coordinator could make then. The
 * portal's clock is fixed at Wednesday 4 March 2026.
 */
@QuarkusTest
class TriggerReviewAuthorisationTest {

    static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 4);
    static final String PAGES = "/staff/community-trigger/";

    /** How far an application has got before the change is tried. */
    enum Stage {
        RECEIVED, ACKNOWLEDGED, REVIEWING, MET, COMPLETE, ESCALATED
    }

    /**
     * A change: its path after the reference ({@code {complaint}} and {@code {recommendation}}
     * stand for ids), the stage at which a coordinator may make it, and what the form and the JSON
     * send ({@code version} is filled in with the application's).
     */
    record Route(String path, Stage stage, Map<String, String> form, Map<String, Object> json) {

        @Override
        public String toString() {
            return path;
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    ReportRows db;

    @BeforeEach
    void setUp() {
        clock.fixAt(NOW);
        db = new ReportRows(dataSource);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    static Stream<Route> routes() {
        return Stream.of(
                new Route("acknowledge", Stage.RECEIVED, form("version", ""), StaffApi.json("version", 0)),
                new Route("complaints/{complaint}/confirmation", Stage.RECEIVED, form("version", "", "confirmed", "yes"),
                        StaffApi.json("version", 0, "confirmed", true)),
                new Route("decision", Stage.ACKNOWLEDGED, form("version", "", "decidedOn-day", "4", "decidedOn-month", "3",
                        "decidedOn-year", "2026"), StaffApi.json("version", 0, "decidedOn", TODAY.toString())),
                new Route("agency-information", Stage.REVIEWING, form("version", "", "asked", "COUNCIL",
                        "summary", "Two warnings given."),
                        StaffApi.json("version", 0, "asked", List.of("COUNCIL"), "summary", "Two warnings given.")),
                new Route("meeting", Stage.REVIEWING, form("version", "", "heldOn-day", "4", "heldOn-month", "3",
                        "heldOn-year", "2026", "chair", "Jo Independent", "chairIndependent", "yes", "attending", "COUNCIL",
                        "victimAttended", "yes", "findings", "Warnings were not followed up."),
                        StaffApi.json("version", 0, "heldOn", TODAY.toString(), "chair", "Jo Independent",
                                "chairIndependent", true, "attending", List.of("COUNCIL"), "victimAttended", true,
                                "findings", "Warnings were not followed up.")),
                new Route("recommendations", Stage.REVIEWING, form("text", "Visit weekly", "ownerAgency", "Council",
                        "dueOn-day", "30", "dueOn-month", "4", "dueOn-year", "2026"),
                        StaffApi.json("text", "Visit weekly", "ownerAgency", "Council", "dueOn", "2026-04-30")),
                new Route("recommendations/{recommendation}/progress", Stage.MET,
                        form("recommendationVersion", "0", "note", "Visited"), StaffApi.json("version", 0, "note", "Visited")),
                new Route("outcome", Stage.MET, form("version", "", "summary", "Warnings will be followed up."),
                        StaffApi.json("version", 0, "summary", "Warnings will be followed up.")),
                new Route("escalation", Stage.COMPLETE, form("reason", "Nothing has changed."),
                        StaffApi.json("reason", "Nothing has changed.")),
                new Route("escalation/decision", Stage.ESCALATED, form("decision", "UPHELD", "decisionReasons", "Too slow."),
                        StaffApi.json("decision", "UPHELD", "reasons", "Too slow.")));
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("routes")
    void aTriageOfficerCannotPostAReviewForm(Route route) {
        String reference = applicationAt(route.stage());
        String path = PAGES + reference + "/" + ids(route.path(), reference);
        Map<String, String> fields = new LinkedHashMap<>(route.form());
        fields.replace("version", String.valueOf(Reviews.version(reference)));
        String before = state(reference);

        StaffSession triage = StaffSession.signIn("triage");
        Response refused = triage.post(path, fields);

        assertEquals(403, refused.statusCode(), "as the triage officer");
        assertUnchanged(reference, before);
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("routes")
    void aTriageOfficerCannotPostAReviewStepToTheApi(Route route) {
        String reference = applicationAt(route.stage());
        Map<String, Object> body = new LinkedHashMap<>(route.json());
        if (body.containsKey("version") && !route.path().contains("progress")) {
            body.put("version", Reviews.version(reference));
        }
        String before = state(reference);

        Response refused = StaffApi.as("triage").body(body).when()
                .post(Reviews.REVIEWS + reference + "/" + ids(route.path(), reference));

        assertEquals(403, refused.statusCode(), "as the triage officer");
        assertUnchanged(reference, before);
    }

    // ---------------------------------------------------------------- fixtures

    /** An application citing three complaints to the police about three days in February, worked by the coordinator to the stage. */
    private static String applicationAt(Stage stage) {
        String reference = Reviews.submit(citing(valid(), List.of(), List.of(
                otherComplaint("Bedfordshire Police", LocalDate.of(2026, 2, 11), LocalDate.of(2026, 2, 10)),
                otherComplaint("Bedfordshire Police", LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 17)),
                otherComplaint("Bedfordshire Police", LocalDate.of(2026, 2, 25), LocalDate.of(2026, 2, 24))))
                .with("applicant.email", Victims.uniqueEmail())).reference();
        if (stage.compareTo(Stage.ACKNOWLEDGED) >= 0) {
            Reviews.acknowledge(reference).then().statusCode(200);
        }
        if (stage.compareTo(Stage.REVIEWING) >= 0) {
            Reviews.decideMet(reference, TODAY.toString()).then().statusCode(200);
        }
        if (stage.compareTo(Stage.MET) >= 0) {
            Reviews.agencyInformation(reference).then().statusCode(200);
            Reviews.meeting(reference, TODAY.toString()).then().statusCode(200);
            Reviews.post(reference, "recommendations", StaffApi.json("text", "Follow up warnings", "ownerAgency", "Council",
                    "dueOn", "2026-04-30")).then().statusCode(201);
        }
        if (stage.compareTo(Stage.COMPLETE) >= 0) {
            Reviews.post(reference, "outcome", StaffApi.json("version", Reviews.version(reference),
                    "summary", "Warnings will be followed up.")).then().statusCode(200);
        }
        if (stage.compareTo(Stage.ESCALATED) >= 0) {
            Reviews.post(reference, "escalation", StaffApi.json("reason", "Nothing has changed.")).then().statusCode(200);
        }
        return reference;
    }

    private static String ids(String path, String reference) {
        if (path.contains("{complaint}")) {
            return path.replace("{complaint}", String.valueOf(Reviews.review(reference).<Number>path("complaints[0].id")));
        }
        if (path.contains("{recommendation}")) {
            return path.replace("{recommendation}", String.valueOf(Reviews.review(reference).<Number>path("recommendations[0].id")));
        }
        return path;
    }

    /** Everything a review step writes about the application, in one line. */
    private String state(String reference) {
        return db.rows("""
                SELECT a.version, a.status, a.updated_at,
                       (SELECT COUNT(*) FROM trigger_event e WHERE e.application_id = a.id) AS events,
                       (SELECT COUNT(*) FROM trigger_step s WHERE s.application_id = a.id AND s.completed_at IS NOT NULL) AS done,
                       (SELECT COUNT(*) FROM trigger_complaint c WHERE c.application_id = a.id AND c.confirmation IS NOT NULL)
                           AS confirmed,
                       (SELECT COUNT(*) FROM trigger_recommendation r WHERE r.application_id = a.id) AS recommendations,
                       (SELECT COUNT(*) FROM trigger_recommendation_progress p JOIN trigger_recommendation r
                           ON r.id = p.recommendation_id WHERE r.application_id = a.id) AS progress,
                       (SELECT COUNT(*) FROM trigger_escalation x WHERE x.application_id = a.id) AS escalations,
                       (SELECT COUNT(*) FROM trigger_escalation x WHERE x.application_id = a.id AND x.decision IS NOT NULL)
                           AS decided
                  FROM trigger_application a WHERE a.reference = ?""", reference).get(0).columns().toString();
    }

    private void assertUnchanged(String reference, String before) {
        assertEquals(before, state(reference), "nothing changed");
        assertEquals(0, db.count("SELECT COUNT(*) FROM audit_entry WHERE reference = ? AND actor = 'triage'", reference));
    }

    private static Map<String, String> form(String... nameValues) {
        return StaffSession.fields(nameValues);
    }
}
