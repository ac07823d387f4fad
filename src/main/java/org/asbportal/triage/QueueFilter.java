package org.asbportal.triage;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.asbportal.report.RiskLevel;

/**
 * Filters of a queue page and its order. {@code status}: open (default), closed or all; {@code assigned}:
 * me or unassigned; empty values filter nothing; {@code sort}: see {@link Sort}.
 */
public record QueueFilter(String status, String category, RiskLevel risk, String ward, String assigned, boolean overdue,
        Sort sort) {

    /** The orders a queue can be read in, each an index walk (V003 worklist, V030 age and due). */
    public enum Sort {
        RISK("risk", "Highest risk first, then oldest"),
        OLDEST("oldest", "Oldest first"),
        NEWEST("newest", "Newest first"),
        DUE("due", "First contact due soonest");

        private final String code;
        private final String label;

        Sort(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        /** The order a parameter names; risk for none or one the portal never writes. */
        static Sort of(String code) {
            for (Sort sort : values()) {
                if (sort.code.equals(code)) {
                    return sort;
                }
            }
            return RISK;
        }
    }

    /** A filter from request parameters; an unknown risk level filters nothing, an unknown order sorts by risk. */
    public static QueueFilter of(String status, String category, String risk, String ward, String assigned, boolean overdue,
            String sort) {
        RiskLevel level = null;
        if (risk != null && !risk.isBlank()) {
            try {
                level = RiskLevel.valueOf(risk);
            } catch (IllegalArgumentException e) {
                level = null;
            }
        }
        return new QueueFilter(status, category, level, ward, assigned, overdue, Sort.of(sort));
    }

    /**
     * A filter from a query string as {@link #query()} writes it (a saved filter, the way back from a
     * form on the queue page); unknown parameters and values that do not decode filter nothing.
     */
    public static QueueFilter parse(String query) {
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    try {
                        params.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        // a broken escape: that parameter filters nothing
                    }
                }
            }
        }
        return of(params.get("status"), params.get("category"), params.get("risk"), params.get("ward"),
                params.get("assigned"), "true".equals(params.get("overdue")), params.get("sort"));
    }

    /** The orders to choose from, for the sort links. */
    public List<Sort> sorts() {
        return List.of(Sort.values());
    }

    /** Whether the page is in an order other than the default (risk), which the filter form then keeps. */
    public boolean sorted() {
        return sort != null && sort != Sort.RISK;
    }

    /** Whether the page is in this order. */
    public boolean sortsBy(Sort order) {
        return order == sort;
    }

    /** The filter as a query string in another order (no cursor): the sort links keep the filters. */
    public String queryIn(Sort order) {
        return new QueueFilter(status, category, risk, ward, assigned, overdue, order).query();
    }

    /** The risk levels to filter by, highest first. */
    public List<RiskLevel> riskLevels() {
        return List.of(RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.STANDARD);
    }

    /** Whether the filter keeps only this risk level. */
    public boolean keepsOnly(RiskLevel level) {
        return level == risk;
    }

    /** Whether the filter keeps cases by what they are about (kind, risk or ward), which a restricted case must not answer. */
    boolean narrowsByDetails() {
        return category != null && !category.isBlank() || risk != null || ward != null && !ward.isBlank();
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
        params.put("sort", sort == null || sort == Sort.RISK ? null : sort.code());
        return params.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
