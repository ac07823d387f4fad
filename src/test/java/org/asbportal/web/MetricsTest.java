package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests;
import org.asbportal.triage.QueueMetrics;
import org.asbportal.trigger.TriggerMetrics;
import org.junit.jupiter.api.Test;

/** What Prometheus reads at /q/metrics: the portal's own asb_* meters, and HTTP metrics by route, never by reference. */
@QuarkusTest
class MetricsTest {

    @Inject
    QueueMetrics queues;

    @Inject
    TriggerMetrics triggers;

    private static ExtractableResponse<Response> submit() {
        return given().contentType(ContentType.JSON).body(ReportRequests.valid().json())
                .when().post("/api/v1/reports").then().statusCode(201).extract();
    }

    @Test
    void aReportSubmittedOverTheApiIsCountedOnceByKindQueueAndRisk() {
        String[] labels = {"category", "NOISE", "queue", "ENVIRONMENTAL_HEALTH", "risk", "STANDARD"};
        double before = Scrape.now().value("asb_reports_received_total", labels);

        ExtractableResponse<Response> saved = submit();
        assertThat(saved.<String>path("queue")).isEqualTo("ENVIRONMENTAL_HEALTH");
        assertThat(saved.<String>path("riskLevel")).isEqualTo("STANDARD");

        assertThat(Scrape.now().value("asb_reports_received_total", labels)).isEqualTo(before + 1);
    }

    @Test
    void wrongAccessCodesRaiseTheRefusalsOnceTheLimitTripsAndNameNoReferenceOrClient() {
        String reference = submit().path("reference");
        double before = Scrape.now().value("asb_limit_refusals_total", "limit", "track_reference");

        for (int i = 0; i < 5; i++) {
            given().header("X-Access-Code", "WRONG-CODE-" + i).when().get("/api/v1/reports/" + reference).then().statusCode(404);
        }
        assertThat(Scrape.now().value("asb_limit_refusals_total", "limit", "track_reference"))
                .as("wrong codes under the limit are not refusals").isEqualTo(before);

        given().header("X-Access-Code", "WRONG-CODE-X").when().get("/api/v1/reports/" + reference).then().statusCode(429);

        Scrape after = Scrape.now();
        assertThat(after.value("asb_limit_refusals_total", "limit", "track_reference")).isEqualTo(before + 1);
        assertThat(after.text()).doesNotContain(reference).doesNotContain("127.0.0.1");
    }

    @Test
    void httpMetricsAreByRouteTemplateNeverByTheReferenceInThePath() {
        ExtractableResponse<Response> saved = submit();
        String reference = saved.path("reference");
        given().header("X-Access-Code", saved.<String>path("accessCode")).when().get("/api/v1/reports/" + reference)
                .then().statusCode(200);

        Scrape scrape = Scrape.now();
        assertThat(scrape.text()).contains("http_server_requests_seconds_count{")
                .contains("uri=\"/api/v1/reports/{reference}\"")
                .doesNotContain(reference);
        assertThat(scrape.text()).contains("jvm_memory_used_bytes").contains("agroal_active_count");
    }

    @Test
    void queueAndCommunityTriggerGaugesShowWhatTheLastRefreshCounted() {
        submit();
        queues.refresh();
        triggers.refresh();

        Scrape scrape = Scrape.now();
        assertThat(scrape.value("asb_queue_open_items", "queue", "ENVIRONMENTAL_HEALTH")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.has("asb_queue_unassigned_items", "queue", "ENVIRONMENTAL_HEALTH")).isTrue();
        assertThat(scrape.has("asb_queue_overdue_items", "queue", "COUNCIL_ASB")).isTrue();
        assertThat(scrape.has("asb_trigger_steps_overdue", "step", "acknowledge")).isTrue();
        assertThat(scrape.has("asb_captcha_checks_total", "outcome", "unavailable")).isTrue();
        assertThat(scrape.has("asb_outbox_backlog")).isTrue();
    }
}
