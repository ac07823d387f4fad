package org.asbportal.trigger;

import org.asbportal.triage.CaseConflictException;

/**
 * The application changed since the coordinator looked, or the step cannot be done yet: nothing was
 * saved. Answered as a 409 like any case conflict.
 */
public class TriggerConflictException extends CaseConflictException {

    public TriggerConflictException(String message) {
        super(message);
    }
}
