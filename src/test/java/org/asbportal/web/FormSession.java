package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A resident's browser in a public multi-page form whose answers travel with the page (the report,
 * the Community Trigger application): keeps the CSRF cookie, and posts back the hidden
 * {@code csrf-token}, {@code draft} and {@code step} of the last page with the answers.
 */
public abstract class FormSession {

    public static final String CSRF_COOKIE = "asb-csrf";
    public static final String CSRF_FIELD = "csrf-token";
    private static final String FORM_UTF8 = "application/x-www-form-urlencoded; charset=UTF-8";

    /** Name, value, name, value... as a mutable map of form fields (a name may repeat). */
    public static Map<String, List<String>> answers(String... nameValues) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.computeIfAbsent(nameValues[i], k -> new ArrayList<>()).add(nameValues[i + 1]);
        }
        return fields;
    }

    private final String path;
    private String csrfCookie;
    private String csrfToken;
    private String draft;
    private String step;
    private Response last;

    /** A session posting every page to {@code path}. */
    protected FormSession(String path) {
        this.path = path;
    }

    /** Opens the first question at {@code url} (already encoded), as following a link does. */
    protected void open(String url) {
        Response response = given().accept("text/html").urlEncodingEnabled(false).when().get(url);
        assertEquals(200, response.statusCode(), response.asString());
        csrfCookie = response.getCookie(CSRF_COOKIE);
        assertNotNull(csrfCookie, "GET " + url + " sets the " + CSRF_COOKIE + " cookie");
        read(response);
    }

    /** Continues from the current page with these answers. */
    public Response post(Map<String, List<String>> answers) {
        return send(answers, true, true);
    }

    /** Presses a button of the current page: {@code send}, {@code back}, {@code change:where}... */
    public Response press(String action) {
        return send(answers("action", action), true, true);
    }

    /** Posts the current page's hidden fields and answers, with or without the CSRF cookie and token. */
    public Response send(Map<String, List<String>> answers, boolean withCookie, boolean withToken) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (withToken) {
            fields.put(CSRF_FIELD, List.of(csrfToken));
        }
        fields.put("draft", List.of(draft));
        fields.put("step", List.of(step));
        fields.putAll(answers);
        return sendRaw(fields, withCookie);
    }

    /** Posts exactly these fields (plus the CSRF token), e.g. a tampered draft. */
    public Response sendTampered(Map<String, List<String>> fields) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put(CSRF_FIELD, List.of(csrfToken));
        all.putAll(fields);
        return sendRaw(all, true);
    }

    private Response sendRaw(Map<String, List<String>> fields, boolean withCookie) {
        RequestSpecification request = given()
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8")))
                .contentType(FORM_UTF8)
                .accept("text/html")
                .redirects().follow(false);
        if (withCookie) {
            request.cookie(CSRF_COOKIE, csrfCookie);
        }
        fields.forEach((name, values) -> request.formParam(name, values.toArray()));
        Response response = request.when().post(path);
        String renewed = response.getCookie(CSRF_COOKIE);
        if (renewed != null && !renewed.isEmpty()) {
            csrfCookie = renewed;
        }
        read(response);
        return response;
    }

    /**
     * Walks from the current page through every step in {@code steps} that comes up, asserting each
     * is accepted, until the check-your-answers page.
     */
    public Response walkToCheck(Map<String, Map<String, List<String>>> steps) {
        walkUntil(steps, "check");
        return last;
    }

    /** Walks from the current page, answering each page that comes up, until {@code target} is shown. */
    public void walkUntil(Map<String, Map<String, List<String>>> steps, String target) {
        int guard = 0;
        while (!target.equals(step)) {
            Map<String, List<String>> answers = steps.get(step);
            if (answers == null) {
                throw new AssertionError("No answers for step " + step);
            }
            String at = step;
            Response response = post(answers);
            assertEquals(200, response.statusCode(), "step " + at + ": " + errorSummary(response));
            if (++guard > 20) {
                throw new AssertionError("The journey does not reach " + target);
            }
        }
    }

    /** Walks the whole journey and sends the answers; returns the confirmation page. */
    public Response walkAndSend(Map<String, Map<String, List<String>>> steps) {
        walkToCheck(steps);
        return press("send");
    }

    public String step() {
        return step;
    }

    public String draft() {
        return draft;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public Response last() {
        return last;
    }

    /** The reference shown on a confirmation page. */
    public static String referenceOn(Response confirmation) {
        Matcher matcher = Pattern.compile("<strong id=\"reference\">([^<]+)</strong>").matcher(confirmation.asString());
        if (!matcher.find()) {
            throw new AssertionError("No reference on the page: " + confirmation.asString());
        }
        return matcher.group(1);
    }

    public static String accessCodeOn(Response confirmation) {
        Matcher matcher = Pattern.compile("<strong[^>]*id=\"access-code\">([^<]+)</strong>").matcher(confirmation.asString());
        if (!matcher.find()) {
            throw new AssertionError("No access code on the page");
        }
        return matcher.group(1);
    }

    /** The links of the page's error summary, e.g. {@code #category}. */
    public static List<String> errorLinks(Response page) {
        String html = page.asString();
        int summary = html.indexOf("govuk-error-summary");
        List<String> links = new ArrayList<>();
        if (summary < 0) {
            return links;
        }
        int end = html.indexOf("</ul>", summary);
        Matcher matcher = Pattern.compile("<a href=\"(#[^\"]+)\">").matcher(html.substring(summary, end));
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }

    private static String errorSummary(Response response) {
        String html = response.asString();
        int summary = html.indexOf("govuk-error-summary__list");
        return summary < 0 ? "status " + response.statusCode() : html.substring(summary, Math.min(html.length(), summary + 800));
    }

    private void read(Response response) {
        last = response;
        String html = response.asString();
        String token = hidden(html, CSRF_FIELD);
        if (token != null) {
            csrfToken = token;
        }
        String pageDraft = hidden(html, "draft");
        if (pageDraft != null) {
            draft = pageDraft;
        }
        String pageStep = hidden(html, "step");
        if (pageStep != null) {
            step = pageStep;
        }
    }

    private static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("<input type=\"hidden\" name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\">")
                .matcher(html);
        return matcher.find() ? unescape(matcher.group(1)) : null;
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
