package org.asbportal.triage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.asbportal.report.RiskLevel;

/**
 * Filters of a queue page. {@code status}: open (default), closed or all; {@code assigned}: me or
 * unassigned; empty values filter nothing.
 */
public record QueueFilter(String status, String category, RiskLevel risk, String ward, String assigned, boolean overdue) {

    /** A filter from request parameters; an unknown risk level filters nothing. */
    public static QueueFilter of(String status, String category, String risk, String ward, String assigned, boolean overdue) {
        RiskLevel level = null;
        if (risk != null && !risk.isBlank()) {
            try {
                level = RiskLevel.valueOf(risk);
            } catch (IllegalArgumentException e) {
                level = null;
            }
        }
        return new QueueFilter(status, category, level, ward, assigned, overdue);
    }

    /** The risk levels to filter by, highest first. */
    public List<RiskLevel> riskLevels() {
        return List.of(RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.STANDARD);
    }

    /** Whether the filter keeps only this risk level. */
    public boolean keepsOnly(RiskLevel level) {
        return level == risk;
    }

    public String statusOrDefault() {
        return status == null || status.isBlank() ? "open" : status;
    }

    /** The filter as a query string (without a cursor), for links that keep it: next and first page. */
    public String query() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("status", statusOrDefault());
        params.put("category", category);
        params.put("risk", risk == null ? null : risk.name());
        params.put("ward", ward);
        params.put("assigned", assigned);
        params.put("overdue", overdue ? "true" : null);
        return params.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
