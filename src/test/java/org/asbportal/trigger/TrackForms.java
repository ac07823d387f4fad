package org.asbportal.trigger;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;

import org.asbportal.trigger.Reviews.Application;

/** The applicant's browser on {@code /track}: their application's page, and its forms posted with the page's token. */
final class TrackForms {

    private TrackForms() {
    }

    /** The application's page, opened with its reference and access code. */
    static Response track(Application application) {
        return post("/track", application, null);
    }

    /** A form of the application's page: the reference and access code travel in it, with {@code reason} when given. */
    static Response post(String path, Application application, String reason) {
        Map<String, String> csrf = csrf();
        var request = RestAssured.given().cookie("asb-csrf", csrf.get("cookie")).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf.get("token")).formParam("reference", application.reference())
                .formParam("accessCode", application.accessCode());
        if (reason != null) {
            request.formParam("reason", reason);
        }
        return request.when().post(path);
    }

    private static Map<String, String> csrf() {
        var form = RestAssured.given().accept(ContentType.HTML).when().get("/track").then().statusCode(200).extract();
        return Map.of("cookie", form.cookie("asb-csrf"),
                "token", form.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value"));
    }
}
