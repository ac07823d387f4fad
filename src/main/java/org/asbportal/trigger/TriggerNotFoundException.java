package org.asbportal.trigger;

import jakarta.ws.rs.NotFoundException;

/** No Community Trigger application with this reference. */
public class TriggerNotFoundException extends NotFoundException {

    public TriggerNotFoundException() {
        super("No Community Trigger application with this reference");
    }

    public TriggerNotFoundException(String message) {
        super(message);
    }
}
