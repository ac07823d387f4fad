package org.asbportal.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asbportal.notify.OutboxMetrics;
import org.asbportal.report.ReportRequests;
import org.asbportal.triage.QueueMetrics;
import org.asbportal.trigger.TriggerMetrics;
import org.asbportal.web.DatabaseMetrics;
import org.asbportal.web.Scrape;
import org.junit.jupiter.api.Test;

/**
 * The monitoring a council's IT team applies beside the portal ({@code k8s/monitoring}): a
 * ServiceMonitor that scrapes the portal's Service where its metrics are, alert rules for what needs
 * a person (database down, outbox stuck, overdue items rising, server errors), a Grafana dashboard,
 * and the NetworkPolicy that lets Prometheus in. Every metric an alert or a panel reads is one this
 * portal publishes, checked against a scrape of the running portal: a misspelt metric would otherwise
 * be an alert that never fires. Skipped without kubectl, like the overlays' test.
 */
@QuarkusTest
class MonitoringTest {

    private static final Pattern METRIC = Pattern.compile(
            "\\b((?:asb|http_server|agroal|jvm|process)_[a-z_]+)\\b(?!\\s*\\()");
    private static final Set<String> NEEDED_ALERTS = Set.of("AsbDatabaseDown", "AsbOutboxStuck", "AsbOverdueItemsRising",
            "AsbServerErrors");

    @Inject
    QueueMetrics queues;

    @Inject
    TriggerMetrics trigger;

    @Inject
    OutboxMetrics outbox;

    @Inject
    DatabaseMetrics database;

    @Test
    void theServiceMonitorScrapesThePortalsMetricsWithAToken() throws Exception {
        Manifests monitoring = Manifests.monitoring();
        Service service = Manifests.overlay("production").get(Service.class, "asb-portal");

        Map<String, Object> monitor = monitoring.custom("ServiceMonitor").get("asb-portal");
        assertThat(monitor).as("ServiceMonitor asb-portal").isNotNull();
        JsonNode spec = new ObjectMapper().valueToTree(monitor).path("spec");
        spec.path("selector").path("matchLabels").fields().forEachRemaining(label ->
                assertThat(service.getMetadata().getLabels()).containsEntry(label.getKey(), label.getValue().asText()));
        JsonNode endpoint = spec.path("endpoints").path(0);
        assertThat(service.getSpec().getPorts()).anySatisfy(port -> assertThat(port.getName()).isEqualTo(endpoint.path("port").asText()));
        assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
        assertThat(endpoint.path("authorization").path("credentials").path("name").asText()).isEqualTo("asb-metrics-token");

        NetworkPolicy prometheus = monitoring.get(NetworkPolicy.class, "asb-portal-prometheus");
        assertThat(prometheus.getSpec().getIngress()).singleElement().satisfies(rule ->
                assertThat(rule.getPorts()).singleElement().satisfies(port -> assertThat(port.getPort().getIntVal()).isEqualTo(8080)));
    }

    @Test
    void everyAlertSaysHowUrgentItIsAndWhatToDo() throws Exception {
        List<JsonNode> alerts = alerts();

        assertThat(alerts.stream().map(alert -> alert.path("alert").asText())).containsAll(NEEDED_ALERTS);
        for (JsonNode alert : alerts) {
            String name = alert.path("alert").asText();
            assertThat(alert.path("labels").path("severity").asText()).as(name).isIn("page", "ticket");
            assertThat(alert.path("annotations").path("summary").asText()).as(name).isNotBlank();
            assertThat(alert.path("annotations").path("description").asText()).as(name).hasSizeGreaterThan(40);
            assertThat(alert.path("expr").asText()).as(name).isNotBlank();
            if (alert.has("for")) {
                assertThat(Duration.parse("PT" + alert.path("for").asText().toUpperCase())).as(name).isPositive();
            }
        }
    }

    @Test
    void theDashboardIsAConfigMapForGrafanasSidecarWithAPanelForEachConcern() throws Exception {
        ConfigMap dashboard = Manifests.monitoring().get(ConfigMap.class, "asb-portal-dashboard");
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");

        JsonNode json = new ObjectMapper().readTree(dashboard.getData().get("asb-portal.json"));
        Set<String> read = metrics(json.findValues("expr").stream().map(JsonNode::asText).toList());
        assertThat(read).contains("asb_reports_received_total", "asb_queue_overdue_items", "asb_outbox_backlog",
                "asb_trigger_steps_overdue", "asb_database_up", "http_server_requests_seconds_count");
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsPublishedByThePortal() throws Exception {
        given().contentType(ContentType.JSON).body(ReportRequests.valid().json()).when().post("/api/v1/reports").then().statusCode(201);
        queues.refresh();
        trigger.refresh();
        outbox.refresh();
        database.refresh();
        String scrape = Scrape.now().text();

        List<String> expressions = new ArrayList<>(alerts().stream().map(alert -> alert.path("expr").asText()).toList());
        ConfigMap dashboard = Manifests.monitoring().get(ConfigMap.class, "asb-portal-dashboard");
        new ObjectMapper().readTree(dashboard.getData().get("asb-portal.json")).findValues("expr")
                .forEach(expr -> expressions.add(expr.asText()));
        Set<String> missing = new TreeSet<>();
        for (String metric : metrics(expressions)) {
            if (scrape.lines().noneMatch(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))) {
                missing.add(metric);
            }
        }
        assertThat(missing).as("metrics read by the alerts or the dashboard that the portal does not publish").isEmpty();
    }

    private static List<JsonNode> alerts() throws Exception {
        Map<String, Object> rule = Manifests.monitoring().custom("PrometheusRule").get("asb-portal");
        assertThat(rule).as("PrometheusRule asb-portal").isNotNull();
        List<JsonNode> alerts = new ArrayList<>();
        new ObjectMapper().valueToTree(rule).path("spec").path("groups")
                .forEach(group -> group.path("rules").forEach(alerts::add));
        return alerts;
    }

    /** The metric names in PromQL expressions (label names and functions left out). */
    private static Set<String> metrics(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            String withoutLabels = expression.replaceAll("\\{[^}]*}", "").replaceAll("by \\([^)]*\\)", "");
            Matcher matcher = METRIC.matcher(withoutLabels);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
