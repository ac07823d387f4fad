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
 * A resident's browser in a public multi-page form with a page per address (the report, the
 * Community Trigger application): keeps its cookies (the CSRF cookie, the draft cookie), posts each
 * page's form to the page's own address with the page's CSRF token, and follows redirects as a
 * browser does, so {@link #step()} is the page now shown.
 */
public abstract class FormSession {

    public static final String CSRF_COOKIE = "asb-csrf";
    public static final String CSRF_FIELD = "csrf-token";
    private static final String FORM_UTF8 = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final Pattern FORM_ACTION = Pattern.compile(
            "<form method=\"post\" action=\"([^\"]+)\"(?: enctype=\"multipart/form-data\")? novalidate>");
    private static final String MULTIPART = "\" enctype=\"multipart/form-data\"";
    private static final Pattern BACK_LINK = Pattern.compile("<a href=\"([^\"]+)\" class=\"govuk-back-link\">");

    /** Name, value, name, value... as a mutable map of form fields (a name may repeat). */
    public static Map<String, List<String>> answers(String... nameValues) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.computeIfAbsent(nameValues[i], k -> new ArrayList<>()).add(nameValues[i + 1]);
        }
        return fields;
    }

    private final String path;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrfToken;
    private String url;
    private Response last;

    /** A session in the journey whose pages live under {@code path}. */
    protected FormSession(String path) {
        this.path = path;
    }

    /** Opens {@code url} (already encoded) as following a link does, and follows its redirects to a page. */
    protected void open(String url) {
        Response response = get(url);
        assertEquals(200, response.statusCode(), response.asString());
        assertNotNull(cookies.get(CSRF_COOKIE), "GET " + url + " sets the " + CSRF_COOKIE + " cookie");
    }

    /** Follows a link: GETs {@code url} and any redirects, keeping cookies; returns the page. */
    public Response get(String url) {
        String at = url;
        for (int hops = 0; hops < 10; hops++) {
            RequestSpecification request = given().accept("text/html").urlEncodingEnabled(false).redirects().follow(false)
                    .cookies(cookies);
            Response response = request.when().get(at);
            keepCookies(response);
            if (response.statusCode() / 100 != 3) {
                this.url = at;
                read(response);
                return response;
            }
            at = location(response);
        }
        throw new AssertionError("Too many redirects from " + url);
    }

    /** Continues from the current page with these answers, following the redirect to the next page. */
    public Response post(Map<String, List<String>> answers) {
        return follow(send(answers, true, true));
    }

    /** Presses a control of the current page: {@code send}, {@code back}, {@code change:where}, or a button's action. */
    public Response press(String action) {
        if (action.equals("back")) {
            return get(link(BACK_LINK, "Back"));
        }
        if (action.startsWith("change:")) {
            return get(path + "/" + action.substring("change:".length()) + "?change=true");
        }
        if (action.equals("send")) {
            return post(Map.of());
        }
        return post(answers("action", action));
    }

    /** Posts the current page's form as it is, without following the answer. */
    public Response send(Map<String, List<String>> answers, boolean withCookie, boolean withToken) {
        return postTo(formAction(), answers, withCookie, withToken);
    }

    /**
     * Posts {@code fields} (and the CSRF token) to {@code url}, without following the answer: as the
     * page's form is encoded, multipart for a page that takes files (no file chosen).
     */
    public Response postTo(String url, Map<String, List<String>> fields, boolean withCookie, boolean withToken) {
        return postTo(url, fields, withCookie, withToken, null, null, null);
    }

    /** Uploads a file from the current page's multipart form, as pressing its Upload file button does. */
    public Response upload(String fileName, byte[] content, String declaredType) {
        return postTo(formAction(), answers("action", "upload"), true, true, fileName, content, declaredType);
    }

    /** Posts a multipart form with a file in the input {@code file}, without following the answer. */
    public Response postTo(String url, Map<String, List<String>> fields, boolean withCookie, boolean withToken,
            String fileName, byte[] content, String declaredType) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        if (withToken) {
            all.put(CSRF_FIELD, List.of(csrfToken));
        }
        all.putAll(fields);
        boolean multipart = content != null || (last != null && last.asString().contains("action=\"" + url.replace("&", "&amp;") + MULTIPART));
        RequestSpecification request = given()
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8")))
                .accept("text/html")
                .redirects().follow(false);
        Map<String, String> sent = new LinkedHashMap<>(cookies);
        if (!withCookie) {
            sent.remove(CSRF_COOKIE);
        }
        request.cookies(sent);
        if (multipart) {
            all.forEach((name, values) -> values.forEach(value -> request.multiPart(name, value)));
            if (content != null) {
                request.multiPart("file", fileName, content, declaredType);
            }
        } else {
            request.contentType(FORM_UTF8);
            all.forEach((name, values) -> request.formParam(name, values.toArray()));
        }
        Response response = request.when().post(url);
        keepCookies(response);
        if (response.statusCode() / 100 != 3) {
            this.url = url;
            read(response);
        }
        return response;
    }

    /** After a POST: the redirect followed to its page, or the page answered. */
    public Response follow(Response response) {
        return response.statusCode() / 100 == 3 ? get(location(response)) : response;
    }

    /** Walks from the current page through every step in {@code steps} that comes up, until check your answers. */
    public Response walkToCheck(Map<String, Map<String, List<String>>> steps) {
        walkUntil(steps, "check");
        return last;
    }

    /** Walks from the current page, answering each page that comes up, until {@code target} is shown. */
    public void walkUntil(Map<String, Map<String, List<String>>> steps, String target) {
        int guard = 0;
        while (!target.equals(step())) {
            Map<String, List<String>> answers = steps.get(step());
            if (answers == null) {
                throw new AssertionError("No answers for step " + step());
            }
            String at = step();
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

    /** The page now shown: the last part of its address, e.g. {@code where}. */
    public String step() {
        String page = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return page.substring(page.lastIndexOf('/') + 1);
    }

    /** The address of the page now shown, with its query. */
    public String url() {
        return url;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** The value of a cookie the portal set, e.g. the draft cookie. */
    public String cookie(String name) {
        return cookies.get(name);
    }

    /** Replaces (or, given null, removes) a cookie, as a tampering browser would. */
    public void setCookie(String name, String value) {
        if (value == null) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    public Response last() {
        return last;
    }

    /** Where the current page's form posts. */
    public String formAction() {
        Matcher matcher = FORM_ACTION.matcher(last.asString());
        if (!matcher.find()) {
            throw new AssertionError("No form on the page " + url);
        }
        return unescape(matcher.group(1));
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

    /** The path and query a redirect points to. */
    public static String location(Response response) {
        String location = response.getHeader("Location");
        assertNotNull(location, "a redirect has a Location");
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private String link(Pattern pattern, String what) {
        Matcher matcher = pattern.matcher(last.asString());
        if (!matcher.find()) {
            throw new AssertionError("No " + what + " link on the page " + url);
        }
        return unescape(matcher.group(1));
    }

    private static String errorSummary(Response response) {
        String html = response.asString();
        int summary = html.indexOf("govuk-error-summary__list");
        return summary < 0 ? "status " + response.statusCode() : html.substring(summary, Math.min(html.length(), summary + 800));
    }

    private void keepCookies(Response response) {
        response.getDetailedCookies().forEach(cookie -> {
            if (cookie.getMaxAge() == 0 || cookie.getValue() == null || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        });
    }

    private void read(Response response) {
        last = response;
        Matcher matcher = Pattern.compile("<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"([^\"]*)\">")
                .matcher(response.asString());
        if (matcher.find()) {
            csrfToken = unescape(matcher.group(1));
        }
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
