package org.asbportal.attack;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRequests.Body;
import org.asbportal.web.FormSession;

/**
 * A browser an attacker controls completely: every cookie and form field is chosen per request, so a
 * request can carry a session without the CSRF token, a wrong token, or another browser's token.
 */
final class Browsers {

    static final String CSRF_COOKIE = "asb-csrf";
    static final String CSRF_FIELD = "csrf-token";
    private static final String FORM_UTF8 = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final Pattern CSRF_INPUT = Pattern.compile(
            "<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"([^\"]*)\">");

    /** A CSRF cookie and the token the same page gave with it. */
    record CsrfPair(String cookie, String token) {
    }

    private Browsers() {
    }

    /** A fresh CSRF cookie and its token, from a public page with a form, as a new browser gets them. */
    static CsrfPair freshPair() {
        Response page = given().accept("text/html").redirects().follow(false).when().get("/track");
        assertEquals(200, page.statusCode(), "GET /track");
        String cookie = page.cookie(CSRF_COOKIE);
        Matcher matcher = CSRF_INPUT.matcher(page.asString());
        assertTrue(matcher.find(), "the page has a CSRF token");
        assertNotNull(cookie, "the page sets the CSRF cookie");
        return new CsrfPair(cookie, matcher.group(1));
    }

    /** Posts a form with exactly these cookies and fields. */
    static Response postForm(String path, Map<String, String> cookies, Map<String, List<String>> fields) {
        RequestSpecification request = given()
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8")))
                .contentType(FORM_UTF8).accept("text/html").redirects().follow(false).cookies(cookies);
        fields.forEach((name, values) -> request.formParam(name, values.toArray()));
        return request.when().post(path);
    }

    /** Posts a multipart form (an upload) with exactly these cookies and text fields, and a small file. */
    static Response postMultipart(String path, Map<String, String> cookies, Map<String, List<String>> fields,
            String fileField, String fileContent) {
        RequestSpecification request = given().accept("text/html").redirects().follow(false).cookies(cookies)
                .multiPart(fileField, "upload.csv", fileContent.getBytes(StandardCharsets.UTF_8), "text/csv");
        fields.forEach((name, values) -> values.forEach(value -> request.multiPart(name, value)));
        return request.when().post(path);
    }

    /** Cookies from name, value, name, value... */
    static Map<String, String> cookies(String... nameValues) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                cookies.put(nameValues[i], nameValues[i + 1]);
            }
        }
        return cookies;
    }

    /** A report through the public JSON API; returns the reference and access code. */
    static String[] report(Body body) {
        Response created = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(body.json().getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/reports");
        assertEquals(201, created.statusCode(), created.asString());
        return new String[] {created.path("reference"), created.path("accessCode")};
    }

    /** A Community Trigger application citing one complaint to the police: the applicant's own words are {@code words}. */
    static Body application(String words) {
        java.time.LocalDate behaviour = org.asbportal.web.TestDates.clockToday().minusDays(4);
        Body body = new Body();
        body.with("applicant.name", words.isEmpty() ? "Alex Applicant" : words);
        body.with("applicant.email", "applicant-" + ReportRequests.unique() + "@example.org");
        body.with("applicant.phone", "01632 960 002");
        body.with("applicant.type", "PERSON");
        body.put("description", "Shouting every night " + words + " " + ReportRequests.unique());
        body.put("impact", words.isEmpty() ? "I cannot sleep." : words);
        body.put("hateMotivated", false);
        body.put("reportReferences", new java.util.ArrayList<>());
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("agency", "Bedfordshire Police");
        complaint.put("reportedOn", behaviour.plusDays(1).toString());
        complaint.put("behaviourOn", behaviour.toString());
        body.put("otherComplaints", new java.util.ArrayList<>(List.of(complaint)));
        body.put("outcomeWanted", words.isEmpty() ? "For the noise to stop." : words);
        return body;
    }

    /** Sends an application through the public JSON API; returns the response (201 when saved). */
    static Response apply(Body body) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(body.json().getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/community-trigger/applications");
    }

    /** A resident's browser in one of the public multi-page forms. */
    static final class Journey extends FormSession {

        private Journey(String path) {
            super(path);
        }

        /** Opens the journey's first page at {@code path} in a browser with no cookies. */
        static Journey start(String path) {
            Journey journey = new Journey(path);
            journey.open(path);
            return journey;
        }
    }
}
