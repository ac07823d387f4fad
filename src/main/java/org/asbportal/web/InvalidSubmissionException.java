package org.asbportal.web;

import java.util.List;

/** A submission that cannot be accepted as it is; each field error says what to change. */
public class InvalidSubmissionException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidSubmissionException(List<FieldError> errors) {
        super("The submission has " + errors.size() + " problem(s)");
        this.errors = List.copyOf(errors);
    }

    public InvalidSubmissionException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
