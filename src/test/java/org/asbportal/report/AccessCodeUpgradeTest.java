package org.asbportal.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.asbportal.security.AccessCodes;
import org.junit.jupiter.api.Test;

/**
 * An access code stored before as a PBKDF2 hash is stored again in the current form the first time
 * the victim uses it, so old hashes (and the time checking one takes) go as their codes are used.
 */
@QuarkusTest
class AccessCodeUpgradeTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCodeStoredAsPbkdf2IsStoredAsAnHmacOnceUsed() throws SQLException {
        Response submitted = given().contentType(ContentType.JSON)
                .body(ReportRequests.valid().json().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/reports");
        String reference = submitted.path("reference");
        String accessCode = submitted.path("accessCode");
        String old = AccessCodes.pbkdf2Hash(accessCode);
        setHash(reference, old);

        status(reference, "WRONG-CODE-1234").then().statusCode(404);
        assertThat(new ReportRows(dataSource).report(reference).string("access_code_hash")).isEqualTo(old);

        status(reference, accessCode).then().statusCode(200);
        String upgraded = new ReportRows(dataSource).report(reference).string("access_code_hash");
        assertThat(upgraded).startsWith("hmac-sha256$");

        status(reference, accessCode).then().statusCode(200);
        assertThat(new ReportRows(dataSource).report(reference).string("access_code_hash")).isEqualTo(upgraded);
    }

    private static Response status(String reference, String accessCode) {
        return given().header("X-Access-Code", accessCode).when().get("/api/v1/reports/" + reference);
    }

    private void setHash(String reference, String hash) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE report SET access_code_hash = ? WHERE reference = ?")) {
            update.setString(1, hash);
            update.setString(2, reference);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
