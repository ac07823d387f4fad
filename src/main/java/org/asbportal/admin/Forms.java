package org.asbportal.admin;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.asbportal.security.PasswordPolicy;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;
import org.hibernate.exception.ConstraintViolationException;

/** Checks of administrators' form values, collecting every problem before the form is refused. */
final class Forms {

    static final Pattern CODE = Pattern.compile("[A-Z0-9_]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final List<FieldError> errors = new ArrayList<>();

    /** The id in a page address, or a 404 naming what was not found. */
    static long id(String value, String what) {
        try {
            long id = Long.parseLong(value == null ? "" : value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // an address no link gives
        }
        throw new NotFoundException("No " + what + " with this address");
    }

    /**
     * The success message after post/redirect/get, naming the record by the code in the address;
     * none for an address no redirect gives.
     */
    static String savedCode(String code, String what) {
        return code != null && code.length() <= 40 && CODE.matcher(code).matches() ? what + " " + code + " saved" : null;
    }

    /** The trimmed value, or null when empty. */
    static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    void add(String field, String message) {
        if (errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(new FieldError(field, message));
        }
    }

    boolean ok(String field) {
        return errors.stream().noneMatch(e -> e.field().equals(field));
    }

    /** A required text of at most {@code max} characters. */
    String required(String field, String value, int max, String missing, String label) {
        String text = trimmed(value);
        if (text == null) {
            add(field, missing);
        } else if (text.length() > max) {
            add(field, label + " must be " + max + " characters or fewer");
        }
        return text;
    }

    /** An optional text of at most {@code max} characters (null when empty). */
    String optional(String field, String value, int max, String label) {
        String text = trimmed(value);
        if (text != null && text.length() > max) {
            add(field, label + " must be " + max + " characters or fewer");
        }
        return text;
    }

    /** A code: upper-case letters, digits and underscores. */
    String code(String field, String value, int max, String missing) {
        String code = required(field, value, max, missing, "The code");
        if (code != null && !CODE.matcher(code).matches()) {
            add(field, "The code must only use capital letters A to Z, digits and underscores, like COUNCIL_ASB");
        }
        return code;
    }

    String email(String field, String value, int max) {
        String email = optional(field, value, max, "Email address");
        if (email != null && !EMAIL.matcher(email).matches()) {
            add(field, "Enter an email address in the correct format, like name@example.org");
        }
        return email;
    }

    /** A whole number from {@code min} to {@code max}. */
    Integer whole(String field, String value, int min, int max, String label) {
        String text = trimmed(value);
        if (text == null) {
            add(field, "Enter the " + label.toLowerCase());
            return null;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        add(field, label + " must be a whole number from " + min + " to " + max);
        return null;
    }

    /** A new password, as {@link PasswordPolicy} says: 12 characters or more, not a common one, at most 72 bytes. */
    String password(String field, String value) {
        PasswordPolicy.problem(value).ifPresent(problem -> add(field, problem));
        return value;
    }

    /** Refuses the form if anything was wrong with it. */
    void check() {
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
    }

    /**
     * Flushes a change, turning a unique key that another administrator took at the same moment into
     * the same message the check before it gives.
     */
    static void flushUnique(Runnable flush, String field, String message) {
        try {
            flush.run();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException) {
                    throw new InvalidSubmissionException(field, message);
                }
            }
            throw e;
        }
    }
}
