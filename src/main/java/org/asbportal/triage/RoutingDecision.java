package org.asbportal.triage;

/** The queue a report goes to, and the rule that chose it (none when the fallback queue was used). */
public record RoutingDecision(TriageQueue queue, RoutingRule rule) {
}
