package org.asbportal.triage;

/** The queue a report goes to, and the rule that chose it (none when the fallback queue was used). */
public record RoutingDecision(Queue queue, Rule rule) {

    /**
     * A triage queue, as routing knows it, with the partner agency that works it: the name a resident
     * is told, never the queue's own (an internal team or meeting).
     */
    public record Queue(long id, String code, String name, String organisationName) {

        static Queue of(TriageQueue queue) {
            return new Queue(queue.id, queue.code, queue.name, queue.organisation == null ? null : queue.organisation.name);
        }
    }

    /** A routing rule, as routing knows it. */
    public record Rule(long id, int priority, String description) {
    }
}
