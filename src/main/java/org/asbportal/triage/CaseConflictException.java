package org.asbportal.triage;

import org.asbportal.web.ConflictException;

/** Someone else changed the case first: nothing was overwritten, the officer must look again. */
public class CaseConflictException extends ConflictException {

    public CaseConflictException(String message) {
        super("This case has changed", message);
    }
}
