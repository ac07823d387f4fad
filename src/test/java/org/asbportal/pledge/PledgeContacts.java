package org.asbportal.pledge;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asbportal.notify.OutboxMessage;
import org.asbportal.notify.OutboxSender;
import org.asbportal.notify.OutboxStatus;
import org.asbportal.web.TestDates;

/**
 * Organisations' contacts in tests: each is a browser keeping the {@code asb-pledge} session cookie
 * and the CSRF cookie and token, posting forms as the pages do. Never follows redirects.
 */
public final class PledgeContacts {

    public static final String SESSION = PledgeCookie.NAME;
    private static final String CSRF_COOKIE = "asb-csrf";
    private static final String CSRF_FIELD = "csrf-token";
    private static final String FORM_UTF8 = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final Pattern CSRF_INPUT = Pattern.compile("<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"([^\"]*)\">");
    private static final Pattern LINK = Pattern.compile("/pledge/verify\\?token=([A-Za-z0-9_-]+)");

    private PledgeContacts() {
    }

    public static String uniqueEmail() {
        return "contact-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Registers an organisation and signs its contact in with the emailed link. */
    public static Browser registered(String organisation) {
        String email = uniqueEmail();
        Browser browser = new Browser();
        Response registered = browser.post("/pledge/register", "organisationName", organisation, "type", "COUNCIL",
                "contactName", "Casey Contact", "email", email);
        assertEquals(303, registered.statusCode(), registered.asString());
        browser.email = email;
        browser.signInWith(latestToken(email));
        return browser;
    }

    /** The token of the latest sign-in link emailed to the address, read from the outbox. */
    public static String latestToken(String email) {
        String body = QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .<OutboxMessage>find("recipient = ?1 and kind = ?2 order by id desc", email, PledgeMail.SIGN_IN.code())
                .firstResultOptional().map(m -> m.bodyText).orElse(null));
        assertNotNull(body, "a sign-in email to " + email);
        return tokenIn(body);
    }

    public static String tokenIn(String text) {
        Matcher matcher = LINK.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No sign-in link in: " + text);
        }
        return matcher.group(1);
    }

    /**
     * Sends the outbox to the test mail server. The mail server drops a connection left idle for
     * 30 seconds, and the first email over it then fails; the outbox keeps it and tries again after
     * its back-off, which is played here by making it due at once (by the portal's clock).
     */
    public static void deliver(OutboxSender sender) {
        sender.sendDue();
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update(
                "nextAttemptAt = ?1 where status = ?2 and attempts > 0", TestDates.clockNow(), OutboxStatus.PENDING));
        sender.sendDue();
    }

    public static long signInEmails(String email) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("recipient = ?1 and kind = ?2", email,
                PledgeMail.SIGN_IN.code()));
    }

    /** A browser, signed in or not. */
    public static final class Browser {

        public String email;
        private String session;
        private String csrfCookie;
        private String csrfToken;

        public String session() {
            return session;
        }

        /** Follows an emailed link: the page, then its button. */
        public Response signInWith(String token) {
            Response page = get("/pledge/verify?token=" + token);
            assertEquals(200, page.statusCode(), "the link's page");
            Response signedIn = post("/pledge/verify", "token", token);
            assertEquals(303, signedIn.statusCode(), signedIn.asString());
            assertNotNull(session, "signing in sets " + SESSION);
            return signedIn;
        }

        public void forgetSession() {
            session = null;
        }

        public Response get(String path) {
            Response response = request().accept("text/html").when().get(path);
            absorb(response);
            return response;
        }

        public Response post(String path, String... nameValues) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < nameValues.length; i += 2) {
                fields.put(nameValues[i], nameValues[i + 1]);
            }
            return post(path, fields);
        }

        public Response post(String path, Map<String, ?> fields) {
            ensureCsrf();
            RequestSpecification request = request().accept("text/html").config(RestAssured.config()
                            .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8")))
                    .contentType(FORM_UTF8).formParam(CSRF_FIELD, csrfToken);
            fields.forEach((name, value) -> {
                if (value instanceof List<?> values) {
                    request.formParam(name, values.toArray());
                } else {
                    request.formParam(name, value);
                }
            });
            Response response = request.when().post(path);
            absorb(response);
            return response;
        }

        /** A JSON request with the session cookie. */
        public RequestSpecification api() {
            RequestSpecification request = given().contentType(ContentType.JSON).accept(ContentType.JSON);
            if (session != null) {
                request.cookie(SESSION, session);
            }
            return request;
        }

        /** Starts (or carries on) an assessment; returns its id. */
        public long startAssessment() {
            Response started = post("/pledge/assessments");
            assertEquals(303, started.statusCode(), started.asString());
            String location = started.header("Location");
            return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        }

        private void ensureCsrf() {
            if (csrfToken == null) {
                assertEquals(200, get("/pledge/sign-in").statusCode());
            }
        }

        private RequestSpecification request() {
            RequestSpecification request = given().redirects().follow(false);
            if (session != null) {
                request.cookie(SESSION, session);
            }
            if (csrfCookie != null) {
                request.cookie(CSRF_COOKIE, csrfCookie);
            }
            return request;
        }

        private void absorb(Response response) {
            String renewed = last(response, SESSION);
            if (renewed != null) {
                session = renewed.isEmpty() ? null : renewed;
            }
            String csrf = last(response, CSRF_COOKIE);
            if (csrf != null && !csrf.isEmpty()) {
                csrfCookie = csrf;
            }
            String type = response.contentType();
            if (type != null && type.startsWith("text/html")) {
                Matcher matcher = CSRF_INPUT.matcher(response.asString());
                if (matcher.find()) {
                    csrfToken = matcher.group(1);
                }
            }
        }

        private static String last(Response response, String name) {
            List<Cookie> cookies = response.getDetailedCookies().getList(name);
            return cookies == null || cookies.isEmpty() ? null : cookies.get(cookies.size() - 1).getValue();
        }
    }
}
