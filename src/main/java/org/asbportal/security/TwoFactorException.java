package org.asbportal.security;

/** A code refused on a two-factor page, with the message the page shows beside its field. */
public class TwoFactorException extends RuntimeException {

    public TwoFactorException(String message) {
        super(message);
    }
}
