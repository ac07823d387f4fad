package org.asbportal.open311.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Speaks GeoReport v2 to a partner's server in JSON: {@code POST requests.json} to hand a case out,
 * {@code GET servicerequestupdates.json} (FixMyStreet's extension) to read what they did, or
 * {@code GET requests.json} where that is all they offer.
 */
@ApplicationScoped
public class Open311Client {

    /** A partner's answer that was not a success, or no answer: the message is for staff and holds no personal data. */
    public static class PartnerException extends Exception {
        PartnerException(String message) {
            super(message);
        }
    }

    /** One update a partner published on one of their requests. */
    public record Update(String updateId, String requestId, String status, Instant at, String description) {
    }

    private static final int MAX_MESSAGE = 200;

    private final ObjectMapper json;
    private final PartnerClientConfig config;
    private final HttpClient http;

    public Open311Client(ObjectMapper json, PartnerClientConfig config) {
        this.json = json;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends a new request; returns the partner's service_request_id (or the token they gave instead). */
    public String post(String baseUrl, Map<String, String> form) throws PartnerException {
        StringJoiner body = new StringJoiner("&");
        form.forEach((name, value) -> {
            if (value != null) {
                body.add(encode(name) + "=" + encode(value));
            }
        });
        HttpRequest request = HttpRequest.newBuilder(uri(baseUrl, "requests.json", ""))
                .timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        JsonNode answer = call(request);
        JsonNode first = answer.isArray() && answer.size() > 0 ? answer.get(0) : answer;
        for (String field : List.of("service_request_id", "token")) {
            JsonNode id = first.get(field);
            if (id != null && !id.isNull() && !id.asText().isBlank()) {
                return id.asText();
            }
        }
        throw new PartnerException("The partner answered without a service_request_id or token");
    }

    /**
     * The updates published between {@code start} and {@code end}; where the partner has no
     * {@code servicerequestupdates}, the current state of {@code requestIds} as updates.
     */
    public List<Update> updates(String baseUrl, String apiKey, String jurisdiction, Instant start, Instant end,
            List<String> requestIds) throws PartnerException {
        String common = (apiKey == null ? "" : "&api_key=" + encode(apiKey))
                + (jurisdiction == null ? "" : "&jurisdiction_id=" + encode(jurisdiction));
        String range = "start_date=" + encode(DateTimeFormatter.ISO_INSTANT.format(start)) + "&end_date="
                + encode(DateTimeFormatter.ISO_INSTANT.format(end));
        HttpRequest updates = HttpRequest.newBuilder(uri(baseUrl, "servicerequestupdates.json", "?" + range + common))
                .timeout(config.timeout()).header("Accept", "application/json").GET().build();
        List<Update> found = new ArrayList<>();
        try {
            for (JsonNode node : call(updates)) {
                found.add(new Update(text(node, "update_id"), text(node, "service_request_id"), text(node, "status"),
                        instant(text(node, "updated_datetime")), text(node, "description")));
            }
            return found;
        } catch (NotOffered e) {
            if (requestIds.isEmpty()) {
                return found;
            }
            HttpRequest requests = HttpRequest.newBuilder(uri(baseUrl, "requests.json",
                    "?service_request_id=" + encode(String.join(",", requestIds)) + common))
                    .timeout(config.timeout()).header("Accept", "application/json").GET().build();
            for (JsonNode node : call(requests)) {
                String updated = text(node, "updated_datetime");
                found.add(new Update(text(node, "service_request_id") + "@" + (updated == null ? text(node, "status") : updated),
                        text(node, "service_request_id"), text(node, "status"), instant(updated), text(node, "status_notes")));
            }
            return found;
        }
    }

    /** The partner has no such endpoint (404): an older server without FixMyStreet's extension. */
    private static final class NotOffered extends PartnerException {
        NotOffered() {
            super("Not offered");
        }
    }

    private JsonNode call(HttpRequest request) throws PartnerException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PartnerException("No answer from the partner's server: " + shorten(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerException("Interrupted while waiting for the partner's server");
        }
        if (response.statusCode() == 404 && request.method().equals("GET")
                && request.uri().getPath().endsWith("servicerequestupdates.json")) {
            throw new NotOffered();
        }
        if (response.statusCode() / 100 != 2) {
            throw new PartnerException("The partner's server answered " + response.statusCode() + describe(response.body()));
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new PartnerException("The partner's server answered " + response.statusCode() + " with something other than JSON");
        }
    }

    /** The first error description of a GeoReport errors body, if it is one. */
    private String describe(String body) {
        try {
            JsonNode errors = json.readTree(body);
            JsonNode first = errors.isArray() && errors.size() > 0 ? errors.get(0) : errors;
            String description = text(first, "description");
            return description == null ? "" : ": " + shorten(description);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static URI uri(String baseUrl, String path, String query) throws PartnerException {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        try {
            return URI.create(base + path + query);
        } catch (IllegalArgumentException e) {
            throw new PartnerException("The partner's address is not a valid URL");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
