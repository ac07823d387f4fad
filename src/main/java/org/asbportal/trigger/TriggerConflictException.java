package org.asbportal.trigger;

import org.asbportal.web.ConflictException;

/**
 * The application changed since the coordinator looked, or the step cannot be done yet: nothing was
 * saved. Answered as a 409 like any conflict.
 */
public class TriggerConflictException extends ConflictException {

    public TriggerConflictException(String message) {
        super("This case has changed", message);
    }
}
