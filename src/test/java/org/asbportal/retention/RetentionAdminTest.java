package org.asbportal.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.asbportal.security.StaffSession;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The administrator's retention page: the settings, the latest runs and the two buttons. */
@QuarkusTest
class RetentionAdminTest {

    @Inject
    TestClock clock;

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void administratorSeesTheScheduleAndRunsADryRunThenARun() throws SQLException {
        freeTheLease();
        clock.fixAt(TestDates.NOW.plus(Duration.ofDays(400)));
        StaffSession admin = StaffSession.signIn("admin");
        StaffSession.signIn("admin").get("/admin").then().statusCode(200).body(containsString("href=\"/admin/retention\""));

        admin.get("/admin/retention").then().statusCode(200)
                .body(containsString("Retention of personal data"))
                .body(containsString("<code>P24M</code>"))
                .body(containsString("<code>P7Y</code>"))
                .body(containsString("action=\"/admin/retention/dry-run\""))
                .body(containsString("action=\"/admin/retention/run\""));

        Response dry = admin.post("/admin/retention/dry-run", Map.of());
        assertThat(dry.statusCode()).isEqualTo(303);
        assertThat(dry.header("Location")).endsWith("/admin/retention?done=dry-run");
        admin.get("/admin/retention?done=dry-run").then().statusCode(200)
                .body(containsString("Dry run finished: nothing was changed"))
                .body(containsString("<td class=\"govuk-table__cell\">Dry run</td>"));

        Response run = admin.post("/admin/retention/run", Map.of());
        assertThat(run.statusCode()).isEqualTo(303);
        assertThat(run.header("Location")).as("a dry run takes no lease").endsWith("/admin/retention?done=run");
        admin.get("/admin/retention?done=run").then().statusCode(200)
                .body(containsString("Run finished"))
                .body(containsString("<td class=\"govuk-table__cell\">Run</td>"));

        Response busy = admin.post("/admin/retention/run", Map.of());
        assertThat(busy.header("Location")).as("a second run while the first one's lease holds").endsWith("/admin/retention?done=busy");
        admin.get("/admin/retention?done=busy").then().statusCode(200).body(containsString("another run started in the last few minutes"));

        clock.fixAt(TestDates.NOW.plus(Duration.ofDays(400)).plus(Duration.ofMinutes(10)));
        assertThat(admin.post("/admin/retention/run", Map.of()).header("Location")).endsWith("/admin/retention?done=run");
    }

    /** Whatever an earlier run (of this test or another, at another moment) left held. */
    private void freeTheLease() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE job_lease SET held_until = '1970-01-01 00:00:00' WHERE name = '" + RetentionService.JOB + "'");
        }
    }
}
