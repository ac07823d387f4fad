package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The malformed requests a review found answered with 500 and a stack trace: each is now the 4xx
 * that says what is wrong, as a page to a browser and problem JSON under /api.
 */
@QuarkusTest
class MalformedRequestsTest {

    private String csrfCookie;
    private String csrfToken;

    @BeforeEach
    void csrf() {
        Response page = given().accept("text/html").get("/track");
        csrfCookie = page.cookie(FormSession.CSRF_COOKIE);
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        assertTrue(token.find());
        csrfToken = token.group(1);
    }

    @Test
    void basicCredentialsThatAreNotBase64AreABadRequestOnAnyRoute() throws Exception {
        RawHttp.Answer page = RawHttp.send("GET", "/", Map.of("Authorization", "Basic !!!!", "Accept", "text/html"), null);
        RawHttp.Answer api = RawHttp.send("GET", "/api/v1/categories", Map.of("Authorization", "Basic !!!!"), null);

        assertEquals(400, page.status(), page.body());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("The Authorization header could not be read"), page.body());
        assertEquals(400, api.status(), api.body());
        assertTrue(api.contentType().startsWith(Problem.MEDIA_TYPE), api.contentType());
    }

    @Test
    void anEmptyContentTypeIsAnUnsupportedMediaType() throws Exception {
        RawHttp.Answer answer = RawHttp.send("POST", "/api/v1/reports", Map.of("Content-Type", ""),
                "{}".getBytes(StandardCharsets.UTF_8));

        assertEquals(415, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith(Problem.MEDIA_TYPE), answer.contentType());
        assertTrue(answer.body().contains("The Content-Type header is empty or is not a media type."), answer.body());
    }

    @Test
    void anAcceptThatIsNotAMediaTypeIsABadRequest() throws Exception {
        RawHttp.Answer answer = RawHttp.send("GET", "/api/v1/categories", Map.of("Accept", "text/html;q=zz"), null);

        assertEquals(400, answer.status(), answer.body());
    }

    @Test
    void aFormWithABadEscapeIsABadRequestPage() throws Exception {
        RawHttp.Answer answer = postForm("/track", "reference=%zz&accessCode=2345-6789-ABCD&csrf-token=" + csrfToken);

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("text/html"), answer.contentType());
        assertTrue(answer.body().contains("The form could not be read."), answer.body());
    }

    @Test
    void aFormWithMoreThanAThousandFieldsIsABadRequestPage() throws Exception {
        StringBuilder form = new StringBuilder("csrf-token=").append(csrfToken);
        for (int i = 0; i <= 1000; i++) {
            form.append("&field").append(i).append('=').append(i);
        }

        RawHttp.Answer answer = postForm("/track", form.toString());

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("The form could not be read."), answer.body());
    }

    @Test
    void aReferenceLongerThanAnyCaseHasIsNotFound() throws Exception {
        String reference = "ASB-" + "X".repeat(110);
        RawHttp.Answer api = RawHttp.send("GET", "/api/v1/reports/" + reference,
                Map.of("X-Access-Code", "2345-6789-ABCD", "Accept", "application/json"), null);
        RawHttp.Answer page = postForm("/track", "reference=" + reference + "&accessCode=2345-6789-ABCD&csrf-token=" + csrfToken);

        assertEquals(404, api.status(), api.body());
        assertTrue(api.contentType().startsWith(Problem.MEDIA_TYPE), api.contentType());
        assertTrue(page.status() >= 400 && page.status() < 500, page.status() + " " + page.body());
        assertTrue(page.body().contains("We could not find a report"), page.body());
    }

    private RawHttp.Answer postForm(String path, String body) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Accept", "text/html");
        headers.put("Cookie", FormSession.CSRF_COOKIE + "=" + csrfCookie);
        return RawHttp.send("POST", path, headers, body.getBytes(StandardCharsets.US_ASCII));
    }
}
