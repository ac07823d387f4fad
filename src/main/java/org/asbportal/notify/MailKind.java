package org.asbportal.notify;

import java.util.Objects;

/**
 * A kind of email, declared by the feature that sends it (for example the victim's case updates in
 * triage, sign-in links in the PLEDGE): a short code kept with each message in the outbox and the
 * pattern of its subject, where {@code %s} stands for the reference the email is about.
 */
public record MailKind(String code, String subjectPattern) {

    public MailKind {
        Objects.requireNonNull(code);
        Objects.requireNonNull(subjectPattern);
        if (code.isBlank() || code.length() > 20) {
            throw new IllegalArgumentException("A mail kind's code has 1 to 20 characters: " + code);
        }
    }

    String subject(String reference) {
        return subjectPattern.formatted(reference);
    }
}
