package org.asbportal.open311.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRows;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases;
import org.asbportal.triage.Cases.Case;
import org.asbportal.web.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A queue hands its cases out to a partner's Open311 server, a real HTTP stub here: the case is saved
 * first and sent by the job with the mapped service code and the partner's key; the partner's update
 * comes back to the victim's /track; the partner down means the case waits and is sent once it is
 * back, never lost; a resident who did not consent to share is never sent.
 */
@QuarkusTest
class PartnerHandoffTest {

    static final Instant NOW = Instant.parse("2026-03-11T10:30:00Z");
    static final String KEY = "partner-key-" + System.nanoTime();
    static WireMockServer partner;

    @Inject
    PartnerHandoffs handoffs;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    ReportRows db;

    @BeforeAll
    static void startThePartner() {
        partner = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        partner.start();
    }

    @AfterAll
    static void stopThePartner() {
        partner.stop();
    }

    @BeforeEach
    void setUp() {
        db = new ReportRows(dataSource);
        clock.fixAt(NOW);
        partner.resetAll();
        partner.stubFor(post(urlPathEqualTo("/open311/v2/requests.json"))
                .willReturn(okJson("[{\"service_request_id\":\"OTHER\",\"service_notice\":\"Thanks\"}]")));
        partner.stubFor(get(urlPathEqualTo("/open311/v2/servicerequestupdates.json")).willReturn(okJson("[]")));
        Response saved = StaffSession.signIn("admin").post("/admin/partners/edit", Map.of("queue", "HOUSING_PROVIDERS",
                "name", "Bedford Housing Trust", "baseUrl", partner.baseUrl() + "/open311/v2", "jurisdiction", "bedford",
                "apiKey", KEY, "serviceCodes", "neighbour=asb_neighbour\nNOISE=noise", "active", "true"));
        assertEquals(303, saved.statusCode(), saved.asString());
    }

    @AfterEach
    void tearDown() {
        StaffSession.signIn("admin").post("/admin/partners/edit", Map.of("queue", "HOUSING_PROVIDERS",
                "name", "Bedford Housing Trust", "baseUrl", partner.baseUrl() + "/open311/v2",
                "serviceCodes", "NEIGHBOUR=asb_neighbour"));
        clock.useSystemTime();
    }

    @Test
    void sendsTheCaseWithTheMappedCodeAndBringsThePartnersUpdateToTrack() {
        Case kase = Cases.reportInto("HOUSING_PROVIDERS");
        partner.stubFor(post(urlPathEqualTo("/open311/v2/requests.json")).withRequestBody(containing(kase.reference()))
                .willReturn(okJson("[{\"service_request_id\":\"HT-" + kase.reference() + "\"}]")));

        Row handoff = runUntilSettled(kase);

        assertEquals("SENT", handoff.string("status"));
        assertEquals("HT-" + kase.reference(), handoff.string("partner_request_id"));
        partner.verify(1, postRequestedFor(urlPathEqualTo("/open311/v2/requests.json"))
                .withRequestBody(containing("service_code=asb_neighbour"))
                .withRequestBody(containing("api_key=" + KEY))
                .withRequestBody(containing("jurisdiction_id=bedford"))
                .withRequestBody(containing("attribute%5Bportal_reference%5D=" + kase.reference()))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded")));
        assertTrue(notes(kase).stream().anyMatch(m -> m.contains("Sent to Bedford Housing Trust's case system as their request HT-")),
                notes(kase).toString());
        assertFalse(db.rows("SELECT api_key_sealed FROM partner_endpoint").get(0).string("api_key_sealed").contains(KEY),
                "the key is kept sealed");

        partner.stubFor(get(urlPathEqualTo("/open311/v2/servicerequestupdates.json")).willReturn(okJson("[{\"update_id\":\"u-"
                + kase.reference() + "\",\"service_request_id\":\"HT-" + kase.reference() + "\",\"status\":\"in_progress\","
                + "\"updated_datetime\":\"2026-03-11T11:00:00Z\",\"description\":\"We have written to the tenant <b>today</b>.\"}]")));
        clock.fixAt(NOW.plus(Duration.ofMinutes(5)));
        handoffs.run();
        handoffs.run();

        List<Row> publicUpdates = db.rows("SELECT e.actor, e.message FROM report_event e JOIN report r ON r.id = e.report_id "
                + "WHERE r.reference = ? AND e.kind = 'PUBLIC_UPDATE'", kase.reference());
        assertEquals(1, publicUpdates.size(), "told once, however often the partner is read");
        assertEquals("Bedford Housing Trust", publicUpdates.get(0).string("actor"));
        assertEquals("Update from Bedford Housing Trust (in progress): We have written to the tenant <b>today</b>.",
                publicUpdates.get(0).string("message"));
        Cases.trackPage(kase).then().statusCode(200)
                .body(containsString("We have written to the tenant &lt;b&gt;today&lt;/b&gt;."));
        partner.verify(WireMock.getRequestedFor(urlPathEqualTo("/open311/v2/servicerequestupdates.json"))
                .withQueryParam("api_key", WireMock.equalTo(KEY)).withQueryParam("jurisdiction_id", WireMock.equalTo("bedford")));
    }

    @Test
    void keepsTheCaseWhileThePartnerIsDownAndSendsItOnceTheyAreBack() {
        Case kase = Cases.reportInto("HOUSING_PROVIDERS");
        partner.stubFor(post(urlPathEqualTo("/open311/v2/requests.json")).withRequestBody(containing(kase.reference()))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("[{\"code\":503,\"description\":\"Down for maintenance\"}]")));

        Row waiting = runUntilSettled(kase);

        assertEquals("PENDING", waiting.string("status"));
        assertEquals(1, waiting.number("attempts"));
        assertTrue(waiting.string("last_error").contains("503: Down for maintenance"), waiting.string("last_error"));
        assertTrue(notes(kase).stream().anyMatch(m -> m.contains("Could not be sent to Bedford Housing Trust's case system yet")));
        StaffSession.signIn("admin").get("/admin/partners").then().statusCode(200)
                .body(containsString("Down for maintenance"))
                .body(containsString("failing"));

        handoffs.run();
        assertEquals(1, handoff(kase).number("attempts"), "not tried again before its back-off");

        partner.stubFor(post(urlPathEqualTo("/open311/v2/requests.json")).withRequestBody(containing(kase.reference()))
                .willReturn(okJson("[{\"token\":\"TOKEN-" + kase.reference() + "\"}]")));
        clock.fixAt(NOW.plus(Duration.ofSeconds(61)));
        handoffs.run();

        Row sent = handoff(kase);
        assertEquals("SENT", sent.string("status"));
        assertEquals("TOKEN-" + kase.reference(), sent.string("partner_request_id"));
        assertEquals(2, sent.number("attempts"));
    }

    @Test
    void neverSendsAReportTheResidentDidNotConsentToShare() {
        Case kase = Cases.report(Cases.requestFor("HOUSING_PROVIDERS").with("consentToShare", false), "HOUSING_PROVIDERS");

        Row skipped = runUntilSettled(kase);

        assertEquals("SKIPPED", skipped.string("status"));
        partner.verify(0, postRequestedFor(urlPathEqualTo("/open311/v2/requests.json")).withRequestBody(containing(kase.reference())));
        assertTrue(notes(kase).stream().anyMatch(m -> m.contains("the resident did not consent")));
    }

    @Test
    void refusesAPartnerSystemWithAWrongAddressOrMappingAndAdministratorsOnly() {
        StaffSession admin = StaffSession.signIn("admin");
        admin.post("/admin/partners/edit", Map.of("queue", "HOUSING_PROVIDERS", "name", "Trust", "baseUrl", "ftp://example.org",
                "serviceCodes", "GHOSTS=ghosts")).then().statusCode(400)
                .body(containsString("Enter the address as a web address starting https:// or http://"))
                .body(containsString("&quot;GHOSTS&quot; is not one of the portal&#39;s kinds of behaviour"));
        admin.post("/admin/partners/edit", Map.of("queue", "", "name", "", "baseUrl", "", "serviceCodes", "NOISE")).then()
                .statusCode(400)
                .body(containsString("Choose the queue whose cases go to the partner&#39;s system"))
                .body(containsString("Enter the partner&#39;s name"))
                .body(containsString("Write each line as KIND=service_code"));
        for (String who : List.of("triage", "caseworker", "coordinator", "councillor")) {
            StaffSession.signIn(who).get("/admin/partners").then().statusCode(403);
        }
    }

    /** Runs the job until the report's hand-out has been tried (other tests' cases may be in the queue too). */
    private Row runUntilSettled(Case kase) {
        for (int turn = 0; turn < 40; turn++) {
            handoffs.run();
            List<Row> rows = db.rows("SELECT h.* FROM partner_handoff h JOIN report r ON r.id = h.report_id WHERE r.reference = ?",
                    kase.reference());
            if (!rows.isEmpty() && (rows.get(0).number("attempts") > 0 || !"PENDING".equals(rows.get(0).string("status")))) {
                return rows.get(0);
            }
        }
        throw new AssertionError("the job never tried " + kase.reference());
    }

    private Row handoff(Case kase) {
        Row row = db.rows("SELECT h.* FROM partner_handoff h JOIN report r ON r.id = h.report_id WHERE r.reference = ?",
                kase.reference()).get(0);
        assertNotNull(row);
        return row;
    }

    private List<String> notes(Case kase) {
        return db.rows("SELECT e.message FROM report_event e JOIN report r ON r.id = e.report_id WHERE r.reference = ? "
                + "AND e.kind = 'PARTNER' AND e.is_public = FALSE", kase.reference()).stream().map(r -> r.string("message")).toList();
    }
}
