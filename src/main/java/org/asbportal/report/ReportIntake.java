package org.asbportal.report;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a report goes once it is saved. Triage implements it: it routes the report to one of its
 * queues and owns the queue item from then on; the report only learns where it went.
 */
public interface ReportIntake {

    /**
     * Where a report went: the queue (for staff), the partner agency working it (what a resident is
     * told; the partnership when the queue has none), and the date first contact is due by.
     */
    record Intake(String queueCode, String queueName, String handledBy, LocalDate firstContactDueBy) {
    }

    /** Takes a report just saved, in the transaction that saves it. */
    Intake take(Report report);

    /** Where a report already taken went. */
    Optional<Intake> find(Report report);
}
