package org.asbportal.open311;

import static io.restassured.RestAssured.given;
import static org.asbportal.security.StaffApi.as;
import static org.asbportal.security.StaffApi.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRows;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.ApiTokens;
import org.asbportal.security.ApiTokens.Open311Scope;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.TriageRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The portal as an Open311 GeoReport v2 server: every endpoint in XML and JSON with the standard's
 * fields, service requests taken as reports (routed, screened, acknowledged) with an API key allowed to
 * send them, what the public may read of them, and the errors shape for every problem.
 */
@QuarkusTest
public class Open311Test {

    static final List<String> SERVICE_FIELDS = List.of("service_code", "service_name", "description", "metadata", "type",
            "keywords", "group");
    static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes", "service_name",
            "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
            "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
    static final List<String> ATTRIBUTE_FIELDS = List.of("variable", "code", "datatype", "required",
            "datatype_description", "order", "description", "values");
    static final List<String> UPDATE_FIELDS = List.of("update_id", "service_request_id", "status", "updated_datetime",
            "description", "media_url");
    /** A map point in Castle ward, and where the public see it. */
    static final String LAT = "52.13612";
    static final String LONG = "-0.46718";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ApiTokens tokens;

    TriageRows triage;
    ReportRows db;

    @BeforeEach
    void rows() {
        triage = new TriageRows(dataSource);
        db = triage.reports();
    }

    // ---------------------------------------------------------------- discovery and services

    @Test
    void theDiscoveryDocumentNamesTheGeoReportEndpointInBothFormats() {
        Response xml = given().get("/open311/discovery.xml");
        xml.then().statusCode(200).contentType(containsString("text/xml"));
        Element discovery = parse(xml).getDocumentElement();
        assertEquals("discovery", discovery.getTagName());
        assertEquals(List.of("changeset", "contact", "key_service", "endpoints"), names(discovery));
        Element endpoint = child(child(discovery, "endpoints"), "endpoint");
        assertEquals(List.of("specification", "url", "changeset", "type", "formats"), names(endpoint));
        assertEquals("http://wiki.open311.org/GeoReport_v2", text(endpoint, "specification"));
        assertEquals("production", text(endpoint, "type"));
        assertTrue(text(endpoint, "url").endsWith("/open311/v2"), text(endpoint, "url"));
        assertEquals(List.of("text/xml", "application/json"), texts(child(endpoint, "formats"), "format"));

        JsonPath json = given().get("/open311/discovery.json").then().statusCode(200)
                .contentType(containsString("application/json")).extract().jsonPath();
        assertEquals("http://wiki.open311.org/GeoReport_v2", json.getString("endpoints[0].specification"));
        assertEquals(List.of("text/xml", "application/json"), json.getList("endpoints[0].formats"));
        assertNotNull(json.getString("key_service"));
        assertNotNull(json.getString("contact"));
    }

    @Test
    void everyKindOfBehaviourIsAServiceInBothFormats() {
        int kinds = db.count("SELECT COUNT(*) FROM category");
        Element services = parse(given().get("/open311/v2/services.xml").then().statusCode(200).extract().response())
                .getDocumentElement();
        assertEquals("services", services.getTagName());
        List<Element> all = elements(services, "service");
        assertEquals(kinds, all.size());
        all.forEach(service -> assertEquals(SERVICE_FIELDS, names(service)));
        Element noise = all.stream().filter(s -> text(s, "service_code").equals("NOISE")).findFirst().orElseThrow();
        assertEquals("Noise", text(noise, "service_name"));
        assertEquals("true", text(noise, "metadata"));
        assertEquals("realtime", text(noise, "type"));
        assertEquals("Nuisance", text(noise, "group"));
        assertFalse(text(noise, "description").isEmpty());

        JsonPath json = given().get("/open311/v2/services.json").then().statusCode(200).extract().jsonPath();
        assertEquals(kinds, json.getList("$").size());
        assertEquals(SERVICE_FIELDS, new ArrayList<>(json.getMap("find { it.service_code == 'NOISE' }").keySet()));
        assertEquals(true, json.getBoolean("find { it.service_code == 'NOISE' }.metadata"));
        assertEquals("Personal", json.getString("find { it.service_code == 'INTIMIDATION' }.group"));
    }

    @Test
    void aServiceDefinitionAsksTheFormsQuestionsBeyondTheStandardFields() {
        Element definition = parse(given().get("/open311/v2/services/NOISE.xml").then().statusCode(200).extract().response())
                .getDocumentElement();
        assertEquals("service_definition", definition.getTagName());
        assertEquals(List.of("service_code", "attributes"), names(definition));
        assertEquals("NOISE", text(definition, "service_code"));
        List<Element> attributes = elements(child(definition, "attributes"), "attribute");
        attributes.forEach(a -> assertEquals(ATTRIBUTE_FIELDS, names(a)));
        Map<String, Element> byCode = new LinkedHashMap<>();
        attributes.forEach(a -> byCode.put(text(a, "code"), a));
        assertEquals(Set.of("occurred_on", "still_happening", "frequency", "people_involved", "happened_before",
                "targeted_for_identity", "targeted_because", "impact", "feels_unsafe_at_home", "vulnerable_people_affected",
                "young_people_involved", "reporter_role", "consent_to_share"), byCode.keySet());
        Element impact = byCode.get("impact");
        assertEquals("true", text(impact, "variable"));
        assertEquals("singlevaluelist", text(impact, "datatype"));
        assertEquals("true", text(impact, "required"));
        assertEquals(List.of("none", "some", "severe"), elements(child(impact, "values"), "value").stream()
                .peek(v -> assertEquals(List.of("key", "name"), names(v))).map(v -> text(v, "key")).toList());
        assertEquals("datetime", text(byCode.get("occurred_on"), "datatype"));
        assertEquals("text", text(byCode.get("people_involved"), "datatype"));
        assertEquals("false", text(byCode.get("people_involved"), "required"));
        assertEquals("multivaluelist", text(byCode.get("targeted_because"), "datatype"));
        assertEquals(List.of("victim", "witness"), elements(child(byCode.get("reporter_role"), "values"), "value").stream()
                .map(v -> text(v, "key")).toList());
        List<String> orders = attributes.stream().map(a -> text(a, "order")).toList();
        assertEquals("1", orders.get(0));

        JsonPath json = given().get("/open311/v2/services/NOISE.json").then().statusCode(200).extract().jsonPath();
        assertEquals("NOISE", json.getString("service_code"));
        assertEquals(ATTRIBUTE_FIELDS, new ArrayList<>(json.getMap("attributes.find { it.code == 'impact' }").keySet()));
        assertEquals(List.of("yes", "no"), json.getList("attributes.find { it.code == 'consent_to_share' }.values.key"));
        assertEquals(true, json.getBoolean("attributes.find { it.code == 'still_happening' }.required"));
    }

    @Test
    void anUnknownServiceIsNotFoundInTheErrorsShape() {
        assertErrors(given().get("/open311/v2/services/NO_SUCH_KIND.xml"), 404, "No service has the code");
        assertJsonErrors(given().get("/open311/v2/services/NO_SUCH_KIND.json"), 404, "No service has the code");
        assertJsonErrors(given().get("/open311/v2/services.html"), 404, "Ask for .xml or .json");
    }

    // ---------------------------------------------------------------- a request, in and out

    @Test
    void aRequestIsRoutedUpdatedByStaffAndPublishedWithTheUpdate() {
        String key = key(new Open311Scope(true, Set.of()));
        String email = "open311." + ReportRequests.unique() + "@example.org";
        String description = "Music through the wall every night, " + ReportRequests.unique();
        Map<String, Object> form = request("NOISE", description);
        form.put("lat", LAT);
        form.put("long", LONG);
        form.put("email", email);
        form.put("first_name", "Robin");
        form.put("last_name", "Open");
        form.put("api_key", key);

        Response posted = post("xml", form);

        posted.then().statusCode(200).contentType(containsString("text/xml"));
        Element created = parse(posted).getDocumentElement();
        assertEquals("service_requests", created.getTagName());
        Element request = child(created, "request");
        assertEquals(List.of("service_request_id", "service_notice", "account_id"), names(request));
        String reference = text(request, "service_request_id");
        assertTrue(reference.startsWith("ASB-"), reference);
        assertTrue(text(request, "service_notice").contains(reference));

        Row report = db.report(reference);
        assertEquals("OPEN311", report.string("channel"));
        assertEquals("NOT_REQUIRED", report.string("captcha_outcome"));
        assertEquals(description, report.string("description"));
        assertEquals("Robin Open", report.string("reporter_name"));
        assertEquals("E36001578", report.string("ward_code"), "located to its ward by the map point");
        assertEquals("ENVIRONMENTAL_HEALTH", triage.item(reference).string("queue_code"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM outbox_message WHERE recipient = ? AND kind = 'REPORT_RECEIVED'", email),
                "the receipt goes through the outbox");

        String update = "We have written to the flat about the music, " + ReportRequests.unique();
        as("caseworker").body(json("text", update, "public", true))
                .when().post("/api/v1/cases/{reference}/updates", reference).then().statusCode(200);

        Element published = child(parse(given().get("/open311/v2/requests/{id}.xml", reference).then().statusCode(200)
                .extract().response()).getDocumentElement(), "request");
        assertEquals(REQUEST_FIELDS, names(published));
        assertEquals(reference, text(published, "service_request_id"));
        assertEquals("open", text(published, "status"));
        assertEquals(update, text(published, "status_notes"));
        assertEquals("NOISE", text(published, "service_code"));
        assertEquals("Noise", text(published, "service_name"));
        assertEquals("", text(published, "description"), "the resident's words are not published");
        assertEquals("52.136", text(published, "lat"));
        assertEquals("-0.467", text(published, "long"));
        assertTrue(text(published, "address").endsWith(" ward"), text(published, "address"));
        assertFalse(text(published, "agency_responsible").isEmpty());
        assertFalse(text(published, "requested_datetime").isEmpty());
        assertFalse(text(published, "updated_datetime").isEmpty());

        JsonPath json = given().get("/open311/v2/requests/{id}.json", reference).then().statusCode(200).extract().jsonPath();
        assertEquals(REQUEST_FIELDS, new ArrayList<>(json.getMap("[0]").keySet()));
        assertEquals(update, json.getString("[0].status_notes"));
        assertNull(json.get("[0].description"));

        JsonPath listed = given().queryParam("service_request_id", reference + ",ASB-NONE-NONE")
                .get("/open311/v2/requests.json").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(reference), listed.getList("service_request_id"));
        assertTrue(given().queryParam("service_code", "NOISE").queryParam("status", "open")
                .get("/open311/v2/requests.json").then().statusCode(200).extract().jsonPath()
                .getList("service_request_id").contains(reference));
        assertFalse(given().queryParam("service_code", "NOISE").queryParam("status", "closed")
                .get("/open311/v2/requests.json").then().statusCode(200).extract().jsonPath()
                .getList("service_request_id").contains(reference));
        assertFalse(given().queryParam("service_code", "GRAFFITI_DAMAGE")
                .get("/open311/v2/requests.json").then().statusCode(200).extract().jsonPath()
                .getList("service_request_id").contains(reference));
        Element listedXml = parse(given().queryParam("service_request_id", reference).get("/open311/v2/requests.xml"))
                .getDocumentElement();
        assertEquals("service_requests", listedXml.getTagName());
        assertEquals(REQUEST_FIELDS, names(child(listedXml, "request")));

        Element updates = parse(given().get("/open311/v2/servicerequestupdates.xml").then().statusCode(200).extract().response())
                .getDocumentElement();
        assertEquals("service_request_updates", updates.getTagName());
        Element mine = elements(updates, "request_update").stream()
                .filter(u -> text(u, "service_request_id").equals(reference) && text(u, "description").equals(update))
                .findFirst().orElseThrow(() -> new AssertionError("the staff update is among the updates"));
        assertEquals(UPDATE_FIELDS, names(mine));
        assertEquals("open", text(mine, "status"));
        JsonPath updatesJson = given().get("/open311/v2/servicerequestupdates.json").then().statusCode(200).extract().jsonPath();
        assertEquals(UPDATE_FIELDS, new ArrayList<>(updatesJson.getMap("find { it.service_request_id == '" + reference
                + "' && it.description == '" + update + "' }").keySet()));

        JsonPath token = given().get("/open311/v2/tokens/{token}.json", reference).then().statusCode(200).extract().jsonPath();
        assertEquals(reference, token.getString("[0].service_request_id"));
        Element tokenXml = child(parse(given().get("/open311/v2/tokens/{token}.xml", reference)).getDocumentElement(), "request");
        assertEquals(List.of("service_request_id", "token"), names(tokenXml));
    }

    @Test
    void anAddressIsFoundWithThePlaceSearchResidentsUse() {
        String street = "Open Three Eleven Road " + ReportRequests.unique().replaceAll("[0-9]", "x");
        db.update("INSERT INTO place (kind, name, name_key, ward_code, latitude, longitude, source) "
                + "VALUES ('STREET', ?, ?, 'E36001578', 52.136500, -0.467100, 'POLICE')", street,
                street.toLowerCase().replaceAll("[^a-z0-9]+", " ").strip());
        Map<String, Object> form = request("FLY_TIPPING", "Bags of rubbish left by the bins, " + ReportRequests.unique());
        form.put("address_string", street);
        form.put("api_key", key(new Open311Scope(true, Set.of("FLY_TIPPING"))));

        Response posted = post("json", form);

        posted.then().statusCode(200).contentType(containsString("application/json"));
        String reference = posted.jsonPath().getString("[0].service_request_id");
        assertEquals(List.of("service_request_id", "service_notice", "account_id"),
                new ArrayList<>(posted.jsonPath().getMap("[0]").keySet()));
        Row report = db.report(reference);
        assertEquals("E36001578", report.string("ward_code"));
        assertEquals(street, report.string("location_description"));
        assertEquals(0, new java.math.BigDecimal("52.1365").compareTo((java.math.BigDecimal) report.get("latitude")));
        assertTrue(report.bool("anonymous"), "no name or contact details: anonymous");
        assertEquals("COUNCIL_ASB", triage.item(reference).string("queue_code"));
    }

    // ---------------------------------------------------------------- keys

    @Test
    void aRequestWithoutAUsableKeyOrOutsideItsScopeIsForbiddenAndSavesNothing() {
        String description = "Shouting in the street at night, " + ReportRequests.unique();
        Map<String, Object> form = request("NOISE", description);
        form.put("lat", LAT);
        form.put("long", LONG);

        assertErrors(post("xml", form), 403, "Send an api_key");
        form.put("api_key", "asb_" + "A".repeat(43));
        assertJsonErrors(post("json", form), 403, "not valid");
        form.put("api_key", "not a key at all");
        assertErrors(post("xml", form), 403, "not valid");

        String revoked = key(new Open311Scope(true, Set.of()));
        long tokenId = tokenId(revoked);
        tokens.revoke("admin", triage.staffId("caseworker"), tokenId);
        form.put("api_key", revoked);
        assertErrors(post("xml", form), 403, "not valid");

        form.put("api_key", key(Open311Scope.READ_ONLY));
        assertErrors(post("xml", form), 403, "may read but not send");

        form.put("api_key", key(new Open311Scope(true, Set.of("GRAFFITI_DAMAGE", "FLY_TIPPING"))));
        assertJsonErrors(post("json", form), 403, "may not send requests for the service NOISE");

        assertEquals(0, db.countReportsWithDescription(description));
    }

    @Test
    void anAdministratorSetsTheOpen311ScopeWhenIssuingATokenAndItIsAudited() {
        StaffSession admin = StaffSession.signIn("admin");
        long account = triage.staffId("caseworker");
        String path = "/admin/accounts/" + account + "/tokens";
        admin.get(path).then().statusCode(200).body(containsString("Open311 service requests"));
        String name = "Open311 app " + ReportRequests.unique();
        long lastAudit = triage.lastAuditId();

        Response created = admin.postRepeated(path, Map.of("name", List.of(name), "days", List.of("30"),
                "open311Write", List.of("yes"), "open311Services", List.of("NOISE", "GRAFFITI_DAMAGE")));

        created.then().statusCode(200).body(containsString("Send requests: GRAFFITI_DAMAGE, NOISE"));
        Row token = db.rows("SELECT * FROM api_token WHERE name = ?", name).get(0);
        assertTrue(token.bool("open311_write"));
        assertEquals("GRAFFITI_DAMAGE,NOISE", token.string("open311_services"));
        assertTrue(triage.auditAfter(lastAudit).stream().anyMatch(a -> a.action().equals("API_TOKEN_CREATE")
                && a.detail().contains("Open311: Send requests: GRAFFITI_DAMAGE, NOISE")), triage.auditAfter(lastAudit).toString());

        Response unknown = admin.postRepeated(path, Map.of("name", List.of(name + " 2"), "days", List.of("30"),
                "open311Write", List.of("yes"), "open311Services", List.of("NO_SUCH_KIND")));
        unknown.then().statusCode(400).body(containsString("Choose services from the list"));

        StaffSession caseworker = StaffSession.signIn("caseworker");
        caseworker.get("/staff/api-tokens").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("open311Write")));
        String own = "Own script " + ReportRequests.unique();
        caseworker.postRepeated("/staff/api-tokens", Map.of("name", List.of(own), "days", List.of("30"),
                "open311Write", List.of("yes"))).then().statusCode(200);
        assertFalse(db.rows("SELECT * FROM api_token WHERE name = ?", own).get(0).bool("open311_write"),
                "only an administrator lets a token send Open311 requests");
    }

    @Test
    void eachKeyHasItsOwnLimitOnRequests() {
        String busy = key(new Open311Scope(true, Set.of()));
        Map<String, Object> form = request("NOISE", "Drilling all day on Sunday, " + ReportRequests.unique());
        form.put("lat", LAT);
        form.put("long", LONG);
        form.put("api_key", busy);
        post("json", form).then().statusCode(200);
        assertEquals(1, db.update("UPDATE attempt_counter SET failures = 100000 WHERE bucket = ?",
                "open311-key:token-" + tokenId(busy)), "the key's requests are counted");

        String refused = "Drilling all night, " + ReportRequests.unique();
        form.put("description", refused);
        Response limited = post("json", form);
        assertJsonErrors(limited, 429, "This API key has sent a lot of service requests");
        assertTrue(Long.parseLong(limited.header("Retry-After")) > 0, "says when to try again");
        assertEquals(0, db.countReportsWithDescription(refused));

        form.put("api_key", key(new Open311Scope(true, Set.of())));
        post("xml", form).then().statusCode(200);
        assertEquals(1, db.countReportsWithDescription(refused), "another key is not held back");
    }

    // ---------------------------------------------------------------- problems

    @Test
    void problemsWithARequestAreListedInTheResidentsWords() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("api_key", key(new Open311Scope(true, Set.of())));
        form.put("service_code", "NOISE");
        form.put("lat", LAT);
        form.put("long", LONG);
        form.put("description", "x".repeat(4001));
        form.put("attribute[still_happening]", "perhaps");

        Response refused = post("xml", form);

        List<String> problems = assertErrors(refused, 400, null);
        assertTrue(problems.contains("attribute[still_happening] must be yes or no"), problems.toString());

        form.remove("attribute[still_happening]");
        List<String> described = assertJsonErrors(post("json", form), 400, null);
        assertTrue(described.contains("Description must be 4,000 characters or fewer"), described.toString());
        assertTrue(described.contains("attribute[impact]: Select how much this is affecting your health, sleep, family or work"),
                described.toString());
        assertTrue(described.contains("attribute[reporter_role]: Select whether you are the victim or a witness"),
                described.toString());

        Map<String, Object> nowhere = request("NOISE", "Somewhere, " + ReportRequests.unique());
        nowhere.put("api_key", form.get("api_key"));
        assertErrors(post("xml", nowhere), 400, "send lat and long, or address_string");
        nowhere.put("lat", "north");
        nowhere.put("long", "-0.4");
        assertErrors(post("xml", nowhere), 400, "decimal degrees");

        Map<String, Object> noService = new LinkedHashMap<>(nowhere);
        noService.put("service_code", "NO_SUCH_KIND");
        assertErrors(post("xml", noService), 400, "No service has the code");

        Response notAForm = given().contentType("application/json").body("{}").post("/open311/v2/requests.json");
        assertJsonErrors(notAForm, 400, "form-encoded");
    }

    @Test
    void badDatesAndRangesAreRefused() {
        assertErrors(given().queryParam("start_date", "yesterday").get("/open311/v2/requests.xml"), 400, "start_date must be");
        assertJsonErrors(given().queryParam("end_date", "2026-13-45T00:00:00Z").get("/open311/v2/requests.json"), 400,
                "end_date must be");
        assertErrors(given().queryParam("start_date", "2026-06-01T00:00:00Z").queryParam("end_date", "2026-05-01T00:00:00Z")
                .get("/open311/v2/requests.xml"), 400, "after start_date");
        assertErrors(given().queryParam("start_date", "2026-01-01T00:00:00Z").queryParam("end_date", "2026-04-02T00:00:00Z")
                .get("/open311/v2/requests.xml"), 400, "at most 90 days apart");
        assertJsonErrors(given().queryParam("start_date", "2026-01-01").queryParam("end_date", "2026-06-01")
                .get("/open311/v2/servicerequestupdates.json"), 400, "at most 90 days apart");
        assertErrors(given().queryParam("status", "pending").get("/open311/v2/requests.xml"), 400, "open or closed");
        given().queryParam("start_date", "2026-01-01T00:00:00+01:00").queryParam("end_date", "2026-03-31")
                .get("/open311/v2/requests.json").then().statusCode(200);
    }

    @Test
    void anUnknownRequestOrTokenIsNotFound() {
        assertErrors(given().get("/open311/v2/requests/ASB-NONE-NONE.xml"), 404, "No service request has the id");
        assertJsonErrors(given().get("/open311/v2/requests/ASB-NONE-NONE.json"), 404, "No service request has the id");
        assertJsonErrors(given().get("/open311/v2/tokens/ASB-NONE-NONE.json"), 404, "No service request has the token");
        assertErrors(given().get("/open311/v2/tokens/ASB-NONE-NONE.xml"), 404, "No service request has the token");
    }

    // ---------------------------------------------------------------- privacy

    @Test
    void aPersonalKindOfBehaviourIsPublishedWithoutWordsContactOrExactPlace() {
        String description = "He follows me home from the bus stop, " + ReportRequests.unique();
        Map<String, Object> form = request("INTIMIDATION", description);
        form.put("lat", LAT);
        form.put("long", LONG);
        form.put("first_name", "Jo");
        form.put("last_name", "Private");
        form.put("email", "jo.private." + ReportRequests.unique() + "@example.org");
        form.put("phone", "07700 900 982");
        form.put("api_key", key(new Open311Scope(true, Set.of("INTIMIDATION"))));
        String reference = post("xml", form).then().statusCode(200).extract().xmlPath()
                .getString("service_requests.request.service_request_id");
        String update = "We spoke to the man you described on Tuesday, " + ReportRequests.unique();
        as("admin").body(json("text", update, "public", true))
                .when().post("/api/v1/cases/{reference}/updates", reference).then().statusCode(200);

        for (String format : List.of("xml", "json")) {
            String published = given().get("/open311/v2/requests/{id}." + format, reference).then().statusCode(200)
                    .extract().asString();
            String updates = given().get("/open311/v2/servicerequestupdates." + format).then().statusCode(200)
                    .extract().asString();
            for (String secret : List.of(description, update, "Jo", "Private", form.get("email").toString(), "07700",
                    LAT, LONG)) {
                assertFalse(published.contains(secret), secret + " in " + published);
                assertFalse(updates.contains(secret), secret + " in the updates");
            }
        }
        Element request = child(parse(given().get("/open311/v2/requests/{id}.xml", reference)).getDocumentElement(), "request");
        assertEquals("", text(request, "description"));
        assertEquals("", text(request, "status_notes"));
        assertEquals("52.136", text(request, "lat"));
        assertEquals("-0.467", text(request, "long"));
        assertTrue(given().get("/open311/v2/servicerequestupdates.json").then().extract().jsonPath()
                .getList("findAll { it.service_request_id == '" + reference + "' }.description")
                .contains("The report was updated."));
    }

    // ---------------------------------------------------------------- helpers

    /** A request that every rule accepts, but for its location and key. */
    public static Map<String, Object> request(String serviceCode, String description) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("service_code", serviceCode);
        form.put("description", description);
        form.put("attribute[occurred_on]", ReportRequests.uniqueDate().toString());
        form.put("attribute[still_happening]", "no");
        form.put("attribute[frequency]", "weekly");
        form.put("attribute[happened_before]", "no");
        form.put("attribute[targeted_for_identity]", "no");
        form.put("attribute[impact]", "some");
        form.put("attribute[feels_unsafe_at_home]", "no");
        form.put("attribute[vulnerable_people_affected]", "no");
        form.put("attribute[young_people_involved]", "not_sure");
        form.put("attribute[reporter_role]", "victim");
        form.put("attribute[consent_to_share]", "yes");
        return form;
    }

    /** Posts as an Open311 client does: form-encoded, no cookie, no CSRF token. */
    public static Response post(String format, Map<String, Object> form) {
        return given().config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .defaultContentCharset("UTF-8")))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(form)
                .post("/open311/v2/requests." + format);
    }

    /** A token of the caseworker's account with this Open311 scope. */
    String key(Open311Scope scope) {
        return tokens.issue("admin", triage.staffId("caseworker"), "Open311 test " + ReportRequests.unique(),
                Duration.ofDays(30), scope).secret();
    }

    long tokenId(String secret) {
        return db.rows("SELECT id FROM api_token WHERE prefix = ?", secret.substring(0, 12)).get(0).number("id");
    }

    /** The XML errors answer's descriptions, asserting its shape and status; one contains {@code expected} if given. */
    static List<String> assertErrors(Response response, int status, String expected) {
        response.then().statusCode(status).contentType(containsString("text/xml"));
        Element errors = parse(response).getDocumentElement();
        assertEquals("errors", errors.getTagName());
        List<String> descriptions = new ArrayList<>();
        for (Element error : elements(errors, "error")) {
            assertEquals(List.of("code", "description"), names(error));
            assertEquals(String.valueOf(status), text(error, "code"));
            descriptions.add(text(error, "description"));
        }
        assertFalse(descriptions.isEmpty());
        if (expected != null) {
            assertTrue(descriptions.stream().anyMatch(d -> d.contains(expected)), descriptions.toString());
        }
        return descriptions;
    }

    static List<String> assertJsonErrors(Response response, int status, String expected) {
        response.then().statusCode(status).contentType(containsString("application/json"))
                .body("[0].code", equalTo(status));
        JsonPath json = response.jsonPath();
        for (int i = 0; i < json.getList("$").size(); i++) {
            assertEquals(List.of("code", "description"), new ArrayList<>(json.getMap("[" + i + "]").keySet()));
        }
        List<String> descriptions = json.getList("description");
        if (expected != null) {
            assertTrue(descriptions.stream().anyMatch(d -> d.contains(expected)), descriptions.toString());
        }
        return descriptions;
    }

    static Document parse(Response response) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + new String(response.asByteArray(), StandardCharsets.UTF_8), e);
        }
    }

    static List<Element> elements(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                assertEquals(name, e.getTagName(), "only " + name + " elements in " + parent.getTagName());
                found.add(e);
            }
        }
        return found;
    }

    static List<String> names(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                names.add(e.getTagName());
            }
        }
        return names;
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getTagName());
    }

    static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    static List<String> texts(Element parent, String name) {
        return elements(parent, name).stream().map(Element::getTextContent).toList();
    }
}
