package org.asbportal.report;

import org.asbportal.triage.TriageQueue;

/** The queue a report goes to, and the rule that chose it (none when the fallback queue was used). */
public record RoutingDecision(TriageQueue queue, RoutingRule rule) {
}
