package org.asbportal.triage;

/** Where a queue item stands in triage. */
public enum QueueItemStatus {
    NEW,
    IN_PROGRESS,
    CLOSED
}
