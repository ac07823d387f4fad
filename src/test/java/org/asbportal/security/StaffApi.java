package org.asbportal.security;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests to the staff JSON API as a script sends them: HTTP Basic with a demonstration account. */
public final class StaffApi {

    public static final String PROBLEM_JSON = "application/problem+json";

    private StaffApi() {
    }

    /** JSON in and out, signed in as {@code username} with the demonstration password. */
    public static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, DemoAccounts.PASSWORD)
                .contentType(ContentType.JSON).accept(ContentType.JSON)
                .redirects().follow(false);
    }

    /** JSON in and out, with an API token ({@code Authorization: Bearer}). */
    public static RequestSpecification withToken(String token) {
        return given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON).accept(ContentType.JSON)
                .redirects().follow(false);
    }

    /** JSON in and out, with no credentials. */
    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).redirects().follow(false);
    }

    /** A JSON object from name, value, name, value... (values may be null). */
    public static Map<String, Object> json(Object... nameValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            body.put((String) nameValues[i], nameValues[i + 1]);
        }
        return body;
    }
}
