package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.asbportal.security.ApiTokens;
import io.restassured.response.Response;

/**
 * A corpus of malformed and hostile requests to every public route and API: bad headers, bodies that
 * are not what the route reads, values no field can hold. Each gets a 4xx (the right one where one is
 * right), never a 5xx, and the service logs no error or stack trace for any of them.
 */
@QuarkusTest
class BadInputCorpusTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    private static final IntPredicate CLIENT_ERROR = status -> status >= 400 && status < 500;
    private static final IntPredicate NOT_SERVER_ERROR = status -> status < 500;

    /** Pages and APIs read with GET, public and signed-in (whose answer to a stranger is a 401 or a redirect). */
    static final List<String> GET_ROUTES = List.of("/", "/privacy", "/accessibility", "/report", "/report/danger",
            "/report/category", "/report/check", "/report/confirmation", "/community-trigger", "/community-trigger/apply",
            "/community-trigger/apply/who", "/community-trigger/figures", "/community-trigger/figures.csv", "/track", "/contact",
            "/pledge", "/pledge/register", "/pledge/sign-in", "/pledge/verify?token=x", "/pledge/assessments/1", "/login",
            "/figures", "/figures.csv", "/api/v1/categories", "/api/v1/wards", "/api/v1/wards/E36001578/summary?from=2026-01",
            "/api/v1/community-trigger/figures", "/api/v1/pledge/questionnaire", "/api/v1/reports/ASB-2345-6789",
            "/api/v1/community-trigger/applications/CT-2345-6789", "/staff", "/admin", "/wards", "/password/forgotten",
            "/password/reset?token=x", "/staff/account", "/staff/two-factor/set-up", "/staff/two-factor/verify",
            "/open311/discovery.xml", "/open311/v2/services.json", "/open311/v2/services/NOISE.xml",
            "/open311/v2/requests.xml", "/open311/v2/requests/ASB-2345-6789.json", "/open311/v2/servicerequestupdates.json");

    /** Forms residents and staff post. */
    static final List<String> FORM_ROUTES = List.of("/track", "/track/add", "/report/danger", "/report/when", "/report/check",
            "/community-trigger/apply/who", "/community-trigger/escalation", "/pledge/register", "/pledge/sign-in",
            "/pledge/verify", "/j_security_check", "/password/forgotten", "/password/reset");

    /** JSON APIs. */
    static final List<String> JSON_ROUTES = List.of("/api/v1/reports", "/api/v1/community-trigger/applications",
            "/api/v1/community-trigger/applications/CT-2345-6789/escalation", "/api/v1/pledge/assessments/1/submit");

    private static final List<LogRecord> LOGGED = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getThrown() != null || record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                LOGGED.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    record Case(String name, String method, String path, Map<String, String> headers, byte[] body, IntPredicate expected,
            String expectation) {
    }

    private static String csrfCookie;
    private static String csrfToken;

    @BeforeAll
    static void listenToTheLog() {
        Logger.getLogger("").addHandler(CAPTURE);
    }

    @AfterAll
    static void stopListening() {
        Logger.getLogger("").removeHandler(CAPTURE);
    }

    /** An API key allowed to send Open311 requests, for the hostile ones that get past the key. */
    static String open311Key;

    @Inject
    ApiTokens tokens;

    @Inject
    AgroalDataSource dataSource;

    @TestFactory
    Stream<DynamicTest> malformedRequestsGetAClearClientErrorAndLogNoStackTrace() {
        long account = ((Number) new org.asbportal.report.ReportRows(dataSource)
                .rows("SELECT id FROM staff_account WHERE username = 'caseworker'").get(0).get("id")).longValue();
        open311Key = tokens.issue("admin", account, "Bad input corpus", java.time.Duration.ofDays(1),
                new ApiTokens.Open311Scope(true, java.util.Set.of())).secret();
        Response page = given().accept("text/html").get("/track");
        csrfCookie = page.cookie(FormSession.CSRF_COOKIE);
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        assertTrue(token.find(), "the track page has a CSRF token");
        csrfToken = token.group(1);
        List<Case> cases = cases();
        assertTrue(cases.size() >= 200, cases.size() + " cases");
        return cases.stream().map(c -> dynamicTest(c.method() + " " + shorten(c.path()) + ": " + c.name(), () -> check(c)));
    }

    private static void check(Case c) throws Exception {
        LOGGED.clear();
        RawHttp.Answer answer = RawHttp.send(c.method(), c.path(), c.headers(), c.body());
        assertTrue(c.expected().test(answer.status()), c.method() + " " + shorten(c.path()) + " (" + c.name() + ") answered "
                + answer.status() + ", expected " + c.expectation() + ": " + shorten(answer.body()));
        assertTrue(!answer.body().contains("Exception") && !answer.body().contains("at org.asbportal"),
                "no stack trace in the answer: " + shorten(answer.body()));
        List<String> logged = LOGGED.stream().map(r -> r.getLevel() + " " + r.getMessage()
                + (r.getThrown() == null ? "" : " " + r.getThrown())).toList();
        assertEquals(List.of(), logged, "nothing logged as an error for " + c.name());
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        headerCases(cases);
        formCases(cases);
        jsonCases(cases);
        referenceCases(cases);
        open311Cases(cases);
        return cases;
    }

    /** Every GET route with each malformed header. */
    private static void headerCases(List<Case> cases) {
        Map<String, Map<String, String>> expectClientError = new LinkedHashMap<>();
        expectClientError.put("Basic credentials that are not base64", Map.of("Authorization", "Basic !!!!"));
        expectClientError.put("Basic credentials without a colon",
                Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString("nobody".getBytes(StandardCharsets.UTF_8))));
        Map<String, Map<String, String>> expectNoServerError = new LinkedHashMap<>();
        expectNoServerError.put("Basic with nothing after it", Map.of("Authorization", "Basic"));
        expectNoServerError.put("an unknown authorisation scheme", Map.of("Authorization", "Bearer \u0001abc"));
        expectNoServerError.put("an empty Content-Type", Map.of("Content-Type", ""));
        expectNoServerError.put("a Content-Type that is not a media type", Map.of("Content-Type", ";;;=/"));
        expectNoServerError.put("an Accept that is not a media type", Map.of("Accept", "@@@/###;;q"));
        expectNoServerError.put("an Accept with a bad quality", Map.of("Accept", "text/html;q=zz, application/json;q=-1"));
        expectNoServerError.put("a large but allowed header", Map.of("X-Filler", "a".repeat(6000)));
        expectNoServerError.put("garbage cookies", Map.of("Cookie", "asb-report-draft=%zz\u00ff; asb-pledge=" + "x".repeat(500)
                + "; asb-session=!!!"));
        for (String route : GET_ROUTES) {
            expectClientError.forEach((name, headers) -> cases.add(new Case(name, "GET", route, headers, null, CLIENT_ERROR, "4xx")));
            expectNoServerError.forEach((name, headers) -> cases.add(new Case(name, "GET", route, headers, null, NOT_SERVER_ERROR,
                    "no 5xx")));
        }
    }

    /** Every form route with each malformed body. */
    private static void formCases(List<Case> cases) {
        String csrf = "&csrf-token=";
        Map<String, byte[]> expectClientError = new LinkedHashMap<>();
        expectClientError.put("a %zz escape", "reference=%zz&accessCode=1".getBytes(StandardCharsets.US_ASCII));
        expectClientError.put("a truncated escape", "reference=ASB%2".getBytes(StandardCharsets.US_ASCII));
        StringBuilder many = new StringBuilder("a0=0");
        for (int i = 1; i <= 1000; i++) {
            many.append("&a").append(i).append('=').append(i);
        }
        expectClientError.put("1,001 fields", many.toString().getBytes(StandardCharsets.US_ASCII));
        expectClientError.put("a value over the form limit", ("text=" + "x".repeat(70 * 1024)).getBytes(StandardCharsets.US_ASCII));
        Map<String, String> expectNoServerError = new LinkedHashMap<>();
        expectNoServerError.put("NUL bytes", "reference=ASB%00-2345&accessCode=%00%00&day=%00");
        expectNoServerError.put("invalid UTF-8 escapes", "reference=%ED%A0%80%FF&text=%C3%28");
        expectNoServerError.put("unusual unicode", "reference=" + java.net.URLEncoder.encode("ＡＳＢ‮-𝔸𝕊𝔹-\uFEFF", StandardCharsets.UTF_8)
                + "&description=" + java.net.URLEncoder.encode("\u202e\u200b💥", StandardCharsets.UTF_8));
        expectNoServerError.put("only separators", "==&&==&=&");
        expectNoServerError.put("a date at the end of time", "day=31&month=12&year=+999999999&when=%2B999999999-12-31");
        expectNoServerError.put("a date before the calendar", "day=1&month=1&year=0000&reportedDay=1&reportedMonth=1&reportedYear=-999");
        expectNoServerError.put("huge numbers", "id=99999999999999999999999999&version=1e400&latitude=NaN&longitude=-Infinity");
        expectNoServerError.put("repeated fields", "reference=a&reference=b&reference=c&accessCode=&accessCode=x");
        for (String route : FORM_ROUTES) {
            expectClientError.forEach((name, body) -> cases.add(new Case(name, "POST", route, formHeaders(), body, CLIENT_ERROR,
                    "4xx")));
            expectNoServerError.forEach((name, body) -> cases.add(new Case(name, "POST", route, formHeaders(),
                    (body + csrf + csrfToken).getBytes(StandardCharsets.ISO_8859_1), NOT_SERVER_ERROR, "no 5xx")));
            cases.add(new Case("a form with an empty Content-Type", "POST", route, Map.of("Content-Type", "", "Accept", "text/html"),
                    "reference=x".getBytes(StandardCharsets.US_ASCII), CLIENT_ERROR, "4xx"));
            cases.add(new Case("a form with a garbage Content-Type", "POST", route, Map.of("Content-Type", "x-www-form/;;;"),
                    "reference=x".getBytes(StandardCharsets.US_ASCII), CLIENT_ERROR, "4xx"));
            cases.add(new Case("a form with bad Basic credentials", "POST", route, withBadBasic(formHeaders()),
                    "reference=x".getBytes(StandardCharsets.US_ASCII), CLIENT_ERROR, "4xx"));
        }
    }

    /** Every JSON API with each malformed body. */
    private static void jsonCases(List<Case> cases) {
        Map<String, String> expectBadRequest = new LinkedHashMap<>();
        expectBadRequest.put("truncated JSON", "{\"description\":");
        expectBadRequest.put("an array instead of an object", "[{\"description\":\"x\"}]");
        expectBadRequest.put("a bare string", "\"report\"");
        expectBadRequest.put("a bare number", "12345");
        expectBadRequest.put("null", "null");
        expectBadRequest.put("deep nesting", "[".repeat(5000) + "]".repeat(5000));
        expectBadRequest.put("deep object nesting", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000));
        expectBadRequest.put("a duplicate key", "{\"description\":\"one\",\"description\":\"two\"}");
        expectBadRequest.put("a string longer than any field", "{\"description\":\"" + "x".repeat(30_000) + "\"}");
        expectBadRequest.put("a number with a thousand digits", "{\"version\":" + "9".repeat(1000) + "}");
        expectBadRequest.put("wrong types everywhere", "{\"description\":[1,2],\"anonymous\":\"maybe\",\"location\":\"here\","
                + "\"reporter\":5,\"risk\":[],\"applicant\":true,\"reportReferences\":{},\"hateMotivated\":\"no\"}");
        expectBadRequest.put("nulls everywhere", "{\"description\":null,\"location\":null,\"reporter\":null,\"risk\":null,"
                + "\"applicant\":null,\"otherComplaints\":[null],\"reportReferences\":[null]}");
        expectBadRequest.put("a NUL character", "{\"description\":\"a\\u0000b\",\"categoryCode\":\"\\u0000\"}");
        expectBadRequest.put("unusual unicode", "{\"description\":\"\\ud800\\udfff\\u202e\\ufeff💥\",\"categoryCode\":\"NOİSE\"}");
        expectBadRequest.put("an unquoted key", "{description:\"x\"}");
        expectBadRequest.put("trailing content", "{} {}");
        expectBadRequest.put("a report at the end of time", reportOn("+999999999-12-31"));
        expectBadRequest.put("a report before the calendar", reportOn("-999999999-01-01"));
        expectBadRequest.put("a report in year zero", reportOn("0000-01-01"));
        expectBadRequest.put("a report at the end of time of day", reportOn("+999999999-12-31T23:59:59"));
        expectBadRequest.put("a complaint at the end of time", applicationWithComplaintOn("+999999999-12-31"));
        expectBadRequest.put("a complaint before the calendar", applicationWithComplaintOn("-999999999-01-01"));
        expectBadRequest.put("coordinates out of this world", "{\"categoryCode\":\"NOISE\",\"description\":\"x\",\"location\":"
                + "{\"latitude\":1e308,\"longitude\":-1e400}}");
        for (String route : JSON_ROUTES) {
            // Submissions are read before anything else; the others may first refuse a stranger or too many attempts.
            boolean submission = route.equals("/api/v1/reports") || route.equals("/api/v1/community-trigger/applications");
            expectBadRequest.forEach((name, body) -> cases.add(new Case(name, "POST", route, jsonHeaders(),
                    body.getBytes(StandardCharsets.UTF_8), submission ? status -> status == 400 : CLIENT_ERROR,
                    submission ? "400" : "4xx")));
            cases.add(new Case("invalid UTF-8", "POST", route, jsonHeaders(), new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':',
                    '1', '}'}, CLIENT_ERROR, "4xx"));
            cases.add(new Case("JSON with an empty Content-Type", "POST", route, Map.of("Content-Type", ""), "{}".getBytes(
                    StandardCharsets.UTF_8), CLIENT_ERROR, "4xx"));
            cases.add(new Case("JSON with an unknown charset", "POST", route, Map.of("Content-Type", "application/json; charset=bogus-8"),
                    "{}".getBytes(StandardCharsets.UTF_8), CLIENT_ERROR, "4xx"));
            cases.add(new Case("JSON as text", "POST", route, Map.of("Content-Type", "text/plain"), "{}".getBytes(StandardCharsets.UTF_8),
                    CLIENT_ERROR, "4xx"));
            cases.add(new Case("JSON with bad Basic credentials", "POST", route, withBadBasic(jsonHeaders()),
                    "{}".getBytes(StandardCharsets.UTF_8), CLIENT_ERROR, "4xx"));
        }
        cases.add(new Case("pledge answers as an array", "PUT", "/api/v1/pledge/assessments/1/answers", jsonHeaders(),
                "[[[]]]".getBytes(StandardCharsets.UTF_8), CLIENT_ERROR, "4xx"));
        cases.add(new Case("ward boundaries without signing in", "PUT", "/api/v1/admin/wards", jsonHeaders(),
                "{\"type\":".getBytes(StandardCharsets.UTF_8), CLIENT_ERROR, "4xx"));
    }

    /** References and ids no case can have, in paths, headers and forms. */
    private static void referenceCases(List<Case> cases) {
        List<String> references = List.of("ASB-" + "X".repeat(101), "CT-" + "9".repeat(400), "A".repeat(2000), "ASB-%00-2345",
                "ASB-%zz", "..%2F..%2Fetc%2Fpasswd", "%F0%9F%92%A5", "ASB-2345-6789%20OR%201=1");
        for (String reference : references) {
            cases.add(new Case("report status for " + shorten(reference), "GET", "/api/v1/reports/" + reference,
                    Map.of("X-Access-Code", "2345-6789-ABCD", "Accept", JSON), null, CLIENT_ERROR, "4xx"));
            cases.add(new Case("application status for " + shorten(reference), "GET", "/api/v1/community-trigger/applications/" + reference,
                    Map.of("X-Access-Code", "x".repeat(300)), null, CLIENT_ERROR, "4xx"));
            cases.add(new Case("staff review for " + shorten(reference), "GET", "/staff/community-trigger/" + reference,
                    Map.of("Accept", "text/html"), null, NOT_SERVER_ERROR, "no 5xx"));
            String form = "reference=" + reference.replace("%", "%25") + "&accessCode=2345-6789-ABCD&kind=UPDATE&text=x&reason=x"
                    + "&csrf-token=" + csrfToken;
            for (String route : List.of("/track", "/track/add", "/community-trigger/escalation")) {
                // The escalation form answers every unknown reference by sending the browser back to it.
                boolean redirects = route.equals("/community-trigger/escalation");
                cases.add(new Case("a reference of " + reference.length() + " characters", "POST", route, formHeaders(),
                        form.getBytes(StandardCharsets.UTF_8), redirects ? NOT_SERVER_ERROR : CLIENT_ERROR, redirects ? "no 5xx" : "4xx"));
            }
        }
        cases.add(new Case("an unknown pledge id", "GET", "/pledge/assessments/99999999999999999999", Map.of(), null, CLIENT_ERROR, "4xx"));
        cases.add(new Case("a very long path", "GET", "/report/" + "a".repeat(3000), Map.of("Accept", "text/html"), null, CLIENT_ERROR,
                "4xx"));
        cases.add(new Case("ward summary with months out of range", "GET", "/api/v1/wards/E36001578/summary?from=-999999999-01&to=%2B999999999-12",
                Map.of("Accept", JSON), null, CLIENT_ERROR, "4xx"));
        for (String query : List.of("year=999999999", "year=-1", "year=%2B999999999", "year=99999999999999999999", "year=%zz",
                "from=%2B999999999-12&to=-999999999-01", "from=0000-00&to=9999-99")) {
            for (String route : List.of("/api/v1/community-trigger/figures", "/community-trigger/figures", "/figures",
                    "/figures.csv")) {
                cases.add(new Case("figures for " + query, "GET", route + "?" + query, Map.of(), null, NOT_SERVER_ERROR, "no 5xx"));
            }
        }
        cases.add(new Case("ward summary with garbage months", "GET", "/api/v1/wards/E36001578/summary?from=%zz&to=2026-13",
                Map.of("Accept", JSON), null, NOT_SERVER_ERROR, "no 5xx"));
    }

    /**
     * Open311: hostile service requests, without a key and with one allowed to send them (every answer
     * a 4xx but for a request that is in fact acceptable), and hostile searches and ids.
     */
    private static void open311Cases(List<Case> cases) {
        Map<String, String> form = Map.of("Content-Type", FORM, "Accept", "text/xml");
        for (String format : List.of("xml", "json")) {
            String route = "/open311/v2/requests." + format;
            for (String body : List.of("service_code=%zz&api_key=1", "api_key=%E2%82", "==&&==&=&", "api_key=" + "a".repeat(5000),
                    "text=" + "x".repeat(70 * 1024))) {
                cases.add(new Case("an Open311 request " + shorten(body), "POST", route, form,
                        body.getBytes(StandardCharsets.US_ASCII), CLIENT_ERROR, "4xx"));
            }
            cases.add(new Case("an Open311 request with an empty Content-Type", "POST", route, Map.of("Content-Type", ""),
                    "api_key=x".getBytes(StandardCharsets.US_ASCII), CLIENT_ERROR, "4xx"));
            cases.add(new Case("an Open311 request as JSON", "POST", route, jsonHeaders(),
                    "{\"api_key\":\"x\"}".getBytes(StandardCharsets.US_ASCII), CLIENT_ERROR, "4xx"));
            String valid = "api_key=" + open311Key + "&service_code=NOISE&description=Loud&attribute%5Bstill_happening%5D=no"
                    + "&attribute%5Bhappened_before%5D=no&attribute%5Btargeted_for_identity%5D=no&attribute%5Bimpact%5D=none"
                    + "&attribute%5Bfeels_unsafe_at_home%5D=no&attribute%5Bvulnerable_people_affected%5D=no"
                    + "&attribute%5Byoung_people_involved%5D=no&attribute%5Breporter_role%5D=witness"
                    + "&attribute%5Bconsent_to_share%5D=yes";
            for (String hostile : List.of("lat=NaN&long=-Infinity", "lat=1e400&long=0x1p3", "lat=91&long=181",
                    "lat=52.1&long=%00", "address_string=" + "a".repeat(3000),
                    "address_string=%00%00&attribute%5Boccurred_on%5D=%2B999999999-12-31T23:59:59Z",
                    "lat=52.136&long=-0.467&attribute%5Boccurred_on%5D=-999999999-01-01",
                    "lat=52.136&long=-0.467&attribute%5Boccurred_on%5D=2026-02-30&attribute%5Bfrequency%5D=%F0%9F%92%A5",
                    "lat=52.136&long=-0.467&attribute%5Btargeted_because%5D%5B%5D=RACE&attribute%5Btargeted_because%5D=%00",
                    "lat=52.136&long=-0.467&first_name=" + "n".repeat(500) + "&email=not-an-address&phone=%00",
                    "lat=52.136&long=-0.467&media_url=javascript:alert(1)&service_code=" + "S".repeat(300))) {
                cases.add(new Case("an Open311 request with a key and " + shorten(hostile), "POST", route, form,
                        (valid + "&" + hostile).getBytes(StandardCharsets.US_ASCII), CLIENT_ERROR, "4xx"));
            }
            cases.add(new Case("an Open311 search with a status of NUL", "GET", "/open311/v2/requests." + format + "?status=%00",
                    Map.of(), null, CLIENT_ERROR, "4xx"));
            for (String query : List.of("start_date=%2B999999999-12-31T00:00:00Z", "end_date=-999999999-01-01T00:00:00Z",
                    "start_date=9999-12-31&end_date=9999-12-31", "start_date=%00", "end_date=2026-02-30",
                    "start_date=2026-01-01T00:00:00%2B25:00")) {
                for (String path : List.of("/open311/v2/requests.", "/open311/v2/servicerequestupdates.")) {
                    cases.add(new Case("an Open311 search with " + query, "GET", path + format + "?" + query, Map.of(), null,
                            CLIENT_ERROR, "4xx"));
                }
            }
            for (String query : List.of("service_request_id=" + "ASB-1,".repeat(200), "service_request_id=%00,%F0%9F%92%A5",
                    "service_code=%zz", "service_code=" + "S".repeat(3000))) {
                cases.add(new Case("an Open311 search with " + shorten(query), "GET", "/open311/v2/requests." + format + "?" + query,
                        Map.of(), null, NOT_SERVER_ERROR, "no 5xx"));
            }
            for (String id : List.of("ASB-" + "X".repeat(101), "ASB-%00-2345", "%F0%9F%92%A5", "..%2F..%2Fetc%2Fpasswd")) {
                for (String path : List.of("/open311/v2/requests/", "/open311/v2/tokens/", "/open311/v2/services/")) {
                    cases.add(new Case("an Open311 id " + shorten(id), "GET", path + id + "." + format, Map.of(), null,
                            CLIENT_ERROR, "4xx"));
                }
            }
        }
        cases.add(new Case("an Open311 answer in an unknown format", "GET", "/open311/v2/services.html", Map.of(), null,
                CLIENT_ERROR, "4xx"));
    }

    private static String reportOn(String occurredAt) {
        return "{\"categoryCode\":\"NOISE\",\"description\":\"Loud music every night\",\"occurredAt\":\"" + occurredAt + "\","
                + "\"location\":{\"description\":\"Outside 12 Mill Lane\",\"town\":\"Bedford\"},\"anonymous\":true,"
                + "\"consentToShare\":true}";
    }

    private static String applicationWithComplaintOn(String date) {
        return "{\"applicant\":{\"name\":\"Alex Applicant\",\"email\":\"alex@example.org\",\"type\":\"PERSON\"},"
                + "\"description\":\"Shouting every night\",\"impact\":\"I cannot sleep\",\"hateMotivated\":false,"
                + "\"reportReferences\":[],\"outcomeWanted\":\"Quiet\",\"otherComplaints\":[{\"agency\":\"Bedfordshire Police\","
                + "\"reportedOn\":\"" + date + "\",\"behaviourOn\":\"" + date + "\"}]}";
    }

    private static Map<String, String> formHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", FORM);
        headers.put("Accept", "text/html");
        headers.put("Cookie", FormSession.CSRF_COOKIE + "=" + csrfCookie);
        return headers;
    }

    private static Map<String, String> jsonHeaders() {
        return Map.of("Content-Type", JSON, "Accept", JSON);
    }

    private static Map<String, String> withBadBasic(Map<String, String> headers) {
        Map<String, String> bad = new LinkedHashMap<>(headers);
        bad.put("Authorization", "Basic !!!!");
        return bad;
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
