package org.asbportal.figures;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asbportal.security.StaffSession;

/** A signed-in administrator's browser posting the upload forms of /admin/wards, with the form's CSRF token. */
record WardDataUpload(Map<String, String> session, String csrfCookie, String token) {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    static WardDataUpload signIn(String username) {
        Map<String, String> session = StaffSession.signIn(username).sessionCookies();
        Response page = given().cookies(session).accept("text/html").get("/admin/wards");
        page.then().statusCode(200);
        Matcher m = CSRF.matcher(page.asString());
        assertTrue(m.find(), "the page has a CSRF token");
        return new WardDataUpload(session, page.cookie(StaffSession.CSRF_COOKIE), m.group(1));
    }

    /** Posts {@code content} as the file {@code field}, with the boundary form's two properties. */
    Response post(String path, String field, String fileName, String content) {
        return given().cookies(session).cookie(StaffSession.CSRF_COOKIE, csrfCookie)
                .accept("text/html").redirects().follow(false)
                .multiPart("csrf-token", token)
                .multiPart(field, fileName, content.getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .multiPart("codeProperty", "cmwd11cd").multiPart("nameProperty", "cmwd11nm")
                .post(path);
    }
}
