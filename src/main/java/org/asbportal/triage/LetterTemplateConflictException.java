package org.asbportal.triage;

import org.asbportal.web.ConflictException;

/** A letter template was saved by someone else since the version an administrator edited. */
public class LetterTemplateConflictException extends ConflictException {

    public LetterTemplateConflictException(String message) {
        super("This letter template has changed", message);
    }
}
