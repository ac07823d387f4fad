package org.asbportal.web;

import java.util.List;

/** The problems of a form as its page shows them: the error summary and the message by each field. */
public record PageErrors(List<PageError> errors) {

    /** One problem, linked from the error summary to the input with this id. */
    public record PageError(String inputId, String message) {
    }

    public static final PageErrors NONE = new PageErrors(List.of());

    public static PageErrors of(InvalidSubmissionException e) {
        return new PageErrors(e.errors().stream().map(f -> new PageError(f.field(), f.message())).toList());
    }

    public static PageErrors of(String inputId, String message) {
        return new PageErrors(List.of(new PageError(inputId, message)));
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    /** The message for the input, or null when it has none. */
    public String of(String inputId) {
        return errors.stream().filter(e -> e.inputId().equals(inputId)).map(PageError::message).findFirst().orElse(null);
    }
}
