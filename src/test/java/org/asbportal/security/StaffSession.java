package org.asbportal.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A member of staff's browser: signs in through the form (j_security_check), keeps the
 * {@code asb-session} and {@code asb-staff-session} cookies, and sends the CSRF cookie and {@code csrf-token} field with every form
 * post, as the pages' forms do. Never follows redirects, so tests see them.
 */
public final class StaffSession {

    public static final String SESSION_COOKIE = "asb-session";
    /** The token of the session opened on the server, which the encrypted session cookie needs with it. */
    public static final String TOKEN_COOKIE = StaffSessions.COOKIE;
    public static final String CSRF_COOKIE = "asb-csrf";
    public static final String CSRF_FIELD = "csrf-token";
    public static final String HTML = "text/html";
    private static final String FORM_UTF8 = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final Pattern CSRF_INPUT = Pattern.compile(
            "<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"([^\"]*)\">");
    private static final Pattern VERSION_INPUT = Pattern.compile("<input type=\"hidden\" name=\"version\" value=\"(\\d+)\">");

    private final String username;
    private String session;
    private String token;
    private String csrfCookie;
    private String csrfToken;

    private StaffSession(String username, String session, String token) {
        this.username = username;
        this.session = session;
        this.token = token;
    }

    /** Posts the sign-in form as a browser does, with nothing else. */
    public static Response submitSignIn(String username, String password) {
        return form().formParam("j_username", username).formParam("j_password", password)
                .when().post("/j_security_check");
    }

    /** Signs in with the demonstration password, asserting the form sends them to the start of their work. */
    public static StaffSession signIn(String username) {
        return signIn(username, DemoAccounts.PASSWORD);
    }

    /** Signs in, asserting the form sends them to the start of their work. */
    public static StaffSession signIn(String username, String password) {
        Response response = submitSignIn(username, password);
        assertEquals(302, response.statusCode(), "signing in as " + username);
        assertTrue(response.header("Location").endsWith("/staff/start"), response.header("Location"));
        String cookie = lastCookie(response, SESSION_COOKIE);
        assertNotNull(cookie, "signing in sets " + SESSION_COOKIE);
        assertTrue(!cookie.isEmpty(), "signing in sets " + SESSION_COOKIE);
        String token = lastCookie(response, TOKEN_COOKIE);
        assertNotNull(token, "signing in sets " + TOKEN_COOKIE);
        return new StaffSession(username, cookie, token);
    }

    /** A browser that has not signed in. */
    public static StaffSession anonymous() {
        return new StaffSession(null, null, null);
    }

    public String username() {
        return username;
    }

    public String sessionCookie() {
        return session;
    }

    /** The session's cookies as the browser holds them now (both, for a signed-in browser), to copy. */
    public Map<String, String> sessionCookies() {
        Map<String, String> cookies = new LinkedHashMap<>();
        if (session != null) {
            cookies.put(SESSION_COOKIE, session);
        }
        if (token != null) {
            cookies.put(TOKEN_COOKIE, token);
        }
        return cookies;
    }

    public Response get(String path, Object... pathParams) {
        Response response = request().when().get(path, pathParams);
        absorb(response);
        return response;
    }

    /** Posts a form with the CSRF token, fetching one first if no page gave one yet. */
    public Response post(String path, Map<String, String> fields) {
        ensureCsrfToken();
        Map<String, String> all = new LinkedHashMap<>();
        all.put(CSRF_FIELD, csrfToken);
        all.putAll(fields);
        return postExactly(path, all);
    }

    /** Posts exactly these fields, e.g. without a CSRF token. */
    public Response postExactly(String path, Map<String, String> fields) {
        return postExactly(path, fields, Map.of());
    }

    /** Posts a form with the CSRF token and these request headers, e.g. another {@code Host}. */
    public Response postWithHeaders(String path, Map<String, String> fields, Map<String, String> headers) {
        ensureCsrfToken();
        Map<String, String> all = new LinkedHashMap<>();
        all.put(CSRF_FIELD, csrfToken);
        all.putAll(fields);
        return postExactly(path, all, headers);
    }

    private Response postExactly(String path, Map<String, String> fields, Map<String, String> headers) {
        RequestSpecification request = request().headers(headers).config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8")))
                .contentType(FORM_UTF8);
        fields.forEach(request::formParam);
        Response response = request.when().post(path);
        absorb(response);
        return response;
    }

    /** Posts a form with the CSRF token whose fields may repeat, as ticked checkboxes do; empty lists are not sent. */
    public Response postRepeated(String path, Map<String, List<String>> fields) {
        ensureCsrfToken();
        RequestSpecification request = request().config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8")))
                .contentType(FORM_UTF8).formParam(CSRF_FIELD, csrfToken);
        fields.forEach((name, values) -> {
            if (!values.isEmpty()) {
                request.formParam(name, values.toArray());
            }
        });
        Response response = request.when().post(path);
        absorb(response);
        return response;
    }

    /** Posts a form whose fields are given as name, value, name, value... */
    public Response post(String path, String... nameValues) {
        return post(path, fields(nameValues));
    }

    /**
     * Gets a CSRF cookie and token from a public page with a form when the staff pages have not
     * given one (a member of staff without access to them still has the sign-out form).
     */
    public void ensureCsrfToken() {
        if (csrfToken == null || csrfCookie == null) {
            Response page = get("/report/danger");
            assertEquals(200, page.statusCode(), "GET /report/danger for a CSRF token");
        }
        assertNotNull(csrfToken, "a page gave a CSRF token");
        assertNotNull(csrfCookie, "a page set the CSRF cookie");
    }

    /** The version in a case page's hidden form fields. */
    public static int versionOn(Response casePage) {
        Matcher matcher = VERSION_INPUT.matcher(casePage.asString());
        if (!matcher.find()) {
            throw new AssertionError("No version on the page: " + casePage.asString());
        }
        return Integer.parseInt(matcher.group(1));
    }

    public static Map<String, String> fields(String... nameValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.put(nameValues[i], nameValues[i + 1]);
        }
        return fields;
    }

    /** The value of the last Set-Cookie of that name, or null when none was set. */
    public static String lastCookie(Response response, String name) {
        List<Cookie> cookies = response.getDetailedCookies().getList(name);
        return cookies == null || cookies.isEmpty() ? null : cookies.get(cookies.size() - 1).getValue();
    }

    private RequestSpecification request() {
        RequestSpecification request = given().accept(HTML).redirects().follow(false);
        request.cookies(sessionCookies());
        if (csrfCookie != null) {
            request.cookie(CSRF_COOKIE, csrfCookie);
        }
        return request;
    }

    private void absorb(Response response) {
        String renewed = lastCookie(response, SESSION_COOKIE);
        if (renewed != null) {
            session = renewed.isEmpty() ? null : renewed;
        }
        String newToken = lastCookie(response, TOKEN_COOKIE);
        if (newToken != null) {
            token = newToken.isEmpty() ? null : newToken;
        }
        String csrf = lastCookie(response, CSRF_COOKIE);
        if (csrf != null && !csrf.isEmpty()) {
            csrfCookie = csrf;
        }
        String contentType = response.contentType();
        if (contentType != null && contentType.startsWith(HTML)) {
            Matcher matcher = CSRF_INPUT.matcher(response.asString());
            if (matcher.find()) {
                csrfToken = matcher.group(1);
            }
        }
    }

    private static RequestSpecification form() {
        return given().contentType(FORM_UTF8).accept(HTML).redirects().follow(false);
    }
}
