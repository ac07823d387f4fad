package org.asbportal.admin;

import org.asbportal.web.ConflictException;

/** Someone else changed the record since the administrator opened it: nothing was overwritten. */
public class AdminConflictException extends ConflictException {

    public AdminConflictException(String message) {
        super("This record has changed", message);
    }
}
