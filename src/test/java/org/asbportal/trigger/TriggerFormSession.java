package org.asbportal.trigger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.LocalDate;
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

import org.asbportal.report.ReportRequests;

/**
 * An applicant's browser in the HTML Community Trigger application: keeps the CSRF cookie, and
 * posts back the hidden {@code csrf-token}, {@code draft} and {@code step} of the last page with
 * the answers.
 */
final class TriggerFormSession {

    static final String PATH = "/community-trigger/apply";
    static final String CSRF_COOKIE = "asb-csrf";
    static final String CSRF_FIELD = "csrf-token";
    private static final String FORM_UTF8 = "application/x-www-form-urlencoded; charset=UTF-8";

    /**
     * The pages in the order they are asked and their answers: the victim applying for themselves,
     * citing one complaint to the police about behaviour three days ago. A test tweaks them first.
     */
    static Map<String, Map<String, List<String>>> validAnswers() {
        LocalDate behaviour = TriggerRequests.today().minusDays(3);
        LocalDate complained = behaviour.plusDays(1);
        Map<String, Map<String, List<String>>> steps = new LinkedHashMap<>();
        steps.put("who", answers("applying", "VICTIM", "victimType", "PERSON"));
        steps.put("victim", answers("victimName", "Pat Victim", "relationship", "Daughter", "consent", "yes"));
        steps.put("contact", answers("name", "Alex Applicant", "email", "alex.applicant@example.org", "phone", ""));
        steps.put("behaviour", answers("description", "Shouting and banging doors every night, form " + ReportRequests.unique(),
                "impact", "I cannot sleep and I am anxious about going out."));
        steps.put("reports", answers("reference", ""));
        steps.put("complaints", answers("complaint-1-agency", "Bedfordshire Police",
                "complaint-1-reported", String.valueOf(complained.getDayOfMonth()),
                "complaint-1-reported-month", String.valueOf(complained.getMonthValue()),
                "complaint-1-reported-year", String.valueOf(complained.getYear()),
                "complaint-1-behaviour", String.valueOf(behaviour.getDayOfMonth()),
                "complaint-1-behaviour-month", String.valueOf(behaviour.getMonthValue()),
                "complaint-1-behaviour-year", String.valueOf(behaviour.getYear())));
        steps.put("hate", answers("hateMotivated", "no"));
        steps.put("outcome", answers("outcomeWanted", "For the noise to stop."));
        return steps;
    }

    /** Name, value, name, value... as a mutable map of form fields (a name may repeat). */
    static Map<String, List<String>> answers(String... nameValues) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.computeIfAbsent(nameValues[i], k -> new ArrayList<>()).add(nameValues[i + 1]);
        }
        return fields;
    }

    private String csrfCookie;
    private String csrfToken;
    private String draft;
    private String step;
    private Response last;

    /** Opens the first question, as the Start now button does. */
    static TriggerFormSession start() {
        return start(PATH);
    }

    /** Opens the first question at {@code url}, such as the link on a victim's case page. */
    static TriggerFormSession start(String url) {
        TriggerFormSession session = new TriggerFormSession();
        Response response = given().accept("text/html").urlEncodingEnabled(false).when().get(url);
        assertEquals(200, response.statusCode(), response.asString());
        session.csrfCookie = response.getCookie(CSRF_COOKIE);
        assertNotNull(session.csrfCookie, "GET " + PATH + " sets the " + CSRF_COOKIE + " cookie");
        session.read(response);
        return session;
    }

    /** Continues from the current page with these answers. */
    Response post(Map<String, List<String>> answers) {
        return send(answers, true, true);
    }

    /** Presses a button of the current page: {@code send}, {@code back}, {@code change:contact}... */
    Response press(String action) {
        return send(answers("action", action), true, true);
    }

    /** Posts the current page's hidden fields and answers, with or without the CSRF cookie and token. */
    Response send(Map<String, List<String>> answers, boolean withCookie, boolean withToken) {
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
    Response sendTampered(Map<String, List<String>> fields) {
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
        Response response = request.when().post(PATH);
        String renewed = response.getCookie(CSRF_COOKIE);
        if (renewed != null && !renewed.isEmpty()) {
            csrfCookie = renewed;
        }
        read(response);
        return response;
    }

    /** Walks from the current page through every page that comes up, asserting each is accepted, to check your answers. */
    Response walkToCheck(Map<String, Map<String, List<String>>> steps) {
        Response response = last;
        int guard = 0;
        while (!"check".equals(step)) {
            Map<String, List<String>> answers = steps.get(step);
            if (answers == null) {
                throw new AssertionError("No answers for step " + step);
            }
            String at = step;
            response = post(answers);
            assertEquals(200, response.statusCode(), "step " + at + ": " + errorSummary(response));
            if (++guard > 20) {
                throw new AssertionError("The journey does not reach check your answers");
            }
        }
        return response;
    }

    /** Walks from the current page until {@code target} is shown. */
    void walkUntil(Map<String, Map<String, List<String>>> steps, String target) {
        int guard = 0;
        while (!target.equals(step)) {
            String at = step;
            Response response = post(steps.get(step));
            assertEquals(200, response.statusCode(), "step " + at + ": " + errorSummary(response));
            if (++guard > 20) {
                throw new AssertionError("The journey does not reach " + target);
            }
        }
    }

    /** Walks the whole journey and sends the application; returns the confirmation page. */
    Response walkAndSend(Map<String, Map<String, List<String>>> steps) {
        walkToCheck(steps);
        return press("send");
    }

    String step() {
        return step;
    }

    String draft() {
        return draft;
    }

    Response last() {
        return last;
    }

    String csrfToken() {
        return csrfToken;
    }

    /** The reference shown on a confirmation page. */
    static String referenceOn(Response confirmation) {
        return shown(confirmation.asString(), "<strong id=\"reference\">([^<]+)</strong>");
    }

    static String accessCodeOn(Response confirmation) {
        return shown(confirmation.asString(), "<strong[^>]*id=\"access-code\">([^<]+)</strong>");
    }

    private static String shown(String html, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("Not on the page (" + pattern + "): " + html);
        }
        return matcher.group(1);
    }

    /** The links of the page's error summary, e.g. {@code #consent}. */
    static List<String> errorLinks(Response page) {
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

    static String errorSummary(Response response) {
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
