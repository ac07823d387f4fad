package org.asbportal.admin;

/** Someone else changed the record since the administrator opened it: nothing was overwritten. */
public class AdminConflictException extends RuntimeException {

    public AdminConflictException(String message) {
        super(message);
    }
}
