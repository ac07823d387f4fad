package org.asbportal.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.asbportal.web.TestDates;

/**
 * Fixtures for {@code POST /api/v1/reports}: a valid report that a test tweaks by dotted path,
 * e.g. {@code valid().with("location.latitude", 52.1).without("reporter.name")}.
 * <p>
 * Every fixture has its own description, place and date, so reports from other tests are never
 * linked to it as possible duplicates (same category within 150 m and 7 days).
 */
public final class ReportRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SLOT = new AtomicInteger();

    private ReportRequests() {
    }

    /** A short token unique to this JVM run, for descriptions and places. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A past date no other fixture uses: slots are 15 days apart, so the 7-day duplicate windows
     * of two fixtures never overlap, and all stay within the last 10 years. Counted back from
     * today by the portal's clock, so a fixed clock gives dates that agree with it.
     */
    public static LocalDate uniqueDate() {
        int slot = SLOT.getAndIncrement() % 230;
        return TestDates.clockToday().minusDays(3 + 15L * slot);
    }

    /** A report every rule accepts: a standard-risk noise report from a named victim. */
    public static Body valid() {
        String token = unique();
        Body body = new Body();
        body.put("categoryCode", "NOISE");
        body.put("description", "Loud music from the flat above until 3am, report " + token);
        body.put("peopleInvolved", "Two adults, a blue van");
        body.put("occurredAt", uniqueDate().toString());
        body.put("stillHappening", false);
        body.put("frequency", "WEEKLY");
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("description", "Outside 12 Mill Lane, " + token);
        location.put("town", "Bedford");
        body.put("location", location);
        body.put("anonymous", false);
        Map<String, Object> reporter = new LinkedHashMap<>();
        reporter.put("name", "Sam Resident");
        reporter.put("email", "sam.resident@example.org");
        reporter.put("phone", "01632 960 001");
        reporter.put("preferredContact", "EMAIL");
        reporter.put("role", "VICTIM");
        body.put("reporter", reporter);
        Map<String, Object> risk = new LinkedHashMap<>();
        risk.put("happenedBefore", "NO");
        risk.put("targetedForIdentity", false);
        risk.put("impact", "NONE");
        risk.put("feelsUnsafeAtHome", false);
        risk.put("vulnerablePeopleAffected", false);
        risk.put("youngPeopleInvolved", "NO");
        body.put("risk", risk);
        body.put("consentToShare", true);
        return body;
    }

    /** A JSON object whose nested values can be set and removed by dotted path. */
    public static final class Body extends LinkedHashMap<String, Object> {

        private static final long serialVersionUID = 1L;

        /** Sets a value, creating intermediate objects; {@code null} values are sent as JSON null. */
        @SuppressWarnings("unchecked")
        public Body with(String path, Object value) {
            String[] parts = path.split("\\.");
            Map<String, Object> node = this;
            for (int i = 0; i < parts.length - 1; i++) {
                Object child = node.get(parts[i]);
                if (!(child instanceof Map)) {
                    child = new LinkedHashMap<String, Object>();
                    node.put(parts[i], child);
                }
                node = (Map<String, Object>) child;
            }
            node.put(parts[parts.length - 1], value instanceof List<?> list ? new ArrayList<>(list) : value);
            return this;
        }

        /** Removes a field, so it is absent from the JSON. */
        @SuppressWarnings("unchecked")
        public Body without(String path) {
            String[] parts = path.split("\\.");
            Map<String, Object> node = this;
            for (int i = 0; i < parts.length - 1; i++) {
                Object child = node.get(parts[i]);
                if (!(child instanceof Map)) {
                    return this;
                }
                node = (Map<String, Object>) child;
            }
            node.remove(parts[parts.length - 1]);
            return this;
        }

        @SuppressWarnings("unchecked")
        public Object at(String path) {
            Object node = this;
            for (String part : path.split("\\.")) {
                if (!(node instanceof Map)) {
                    return null;
                }
                node = ((Map<String, Object>) node).get(part);
            }
            return node;
        }

        public String description() {
            return (String) get("description");
        }

        public String json() {
            try {
                return JSON.writeValueAsString(this);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        public Body copy() {
            try {
                return JSON.readValue(json(), Body.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
