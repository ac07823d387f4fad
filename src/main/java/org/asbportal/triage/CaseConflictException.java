package org.asbportal.triage;

/** Someone else changed the case first: nothing was overwritten, the officer must look again. */
public class CaseConflictException extends RuntimeException {

    public CaseConflictException(String message) {
        super(message);
    }
}
