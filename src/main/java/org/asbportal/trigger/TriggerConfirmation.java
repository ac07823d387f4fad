package org.asbportal.trigger;

/** The confirmation page: the reference, the access code (shown once), the first assessment and the dates of each step. */
public record TriggerConfirmation(ApplicationResponse application, boolean onBehalf) {
}
