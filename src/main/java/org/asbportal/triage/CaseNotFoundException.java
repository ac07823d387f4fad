package org.asbportal.triage;

import jakarta.ws.rs.NotFoundException;

/** No case with this reference that the member of staff may see: unknown and not-yours look the same. */
public class CaseNotFoundException extends NotFoundException {

    public CaseNotFoundException() {
        super("No case with this reference in your queues");
    }

    protected CaseNotFoundException(String message) {
        super(message);
    }
}
