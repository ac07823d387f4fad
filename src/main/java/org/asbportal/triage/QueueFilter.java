package org.asbportal.triage;

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

    public String statusOrDefault() {
        return status == null || status.isBlank() ? "open" : status;
    }
}
