package org.asbportal.notify;

/** The emails the portal sends victims, each with its subject and its templates under {@code templates/notify/}. */
public enum MailKind {

    /** A public update on the victim's case: {@code caseUpdate.html} and {@code caseUpdate.txt}. */
    CASE_UPDATE("Update on your report %s"),

    /** The victim's case has been closed: {@code caseClosed.html} and {@code caseClosed.txt}. */
    CASE_CLOSED("Your report %s has been closed"),

    /** A one-time sign-in link for a PLEDGE self-assessment contact: {@code pledge/signInMail.*}. */
    PLEDGE_SIGN_IN("Your sign-in link for the ASB Help PLEDGE self-assessment"),

    /** A reviewer accepted or returned a PLEDGE self-assessment: {@code pledge/reviewMail.*}. */
    PLEDGE_REVIEWED("Your PLEDGE self-assessment %s has been reviewed"),

    /**
     * The outcome letter of a Community Trigger case review, rendered by the review itself
     * ({@code templates/trigger/outcomeMail.html} and {@code .txt}).
     */
    TRIGGER_OUTCOME("The outcome of your case review %s");

    private final String subject;

    MailKind(String subject) {
        this.subject = subject;
    }

    String subject(String reference) {
        return subject.formatted(reference);
    }
}
