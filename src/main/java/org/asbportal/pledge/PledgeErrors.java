package org.asbportal.pledge;

import java.util.List;

import org.asbportal.web.InvalidSubmissionException;

/** The problems of a form as its page shows them: the error summary and the message by each field. */
public record PledgeErrors(List<PageError> errors) {

    /** One problem, linked from the error summary to the input with this id. */
    public record PageError(String inputId, String message) {
    }

    public static final PledgeErrors NONE = new PledgeErrors(List.of());

    public static PledgeErrors of(InvalidSubmissionException e) {
        return new PledgeErrors(e.errors().stream().map(f -> new PageError(f.field(), f.message())).toList());
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    /** The message for the input, or null when it has none. */
    public String of(String inputId) {
        return errors.stream().filter(e -> e.inputId().equals(inputId)).map(PageError::message).findFirst().orElse(null);
    }
}
