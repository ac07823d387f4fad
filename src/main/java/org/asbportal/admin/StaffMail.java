package org.asbportal.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.asbportal.notify.MailKind;
import org.asbportal.notify.Outbox;
import org.asbportal.security.PasswordResets.LinkIssued;

/** Emails to staff about their own accounts, written to the outbox in the transaction that made them. */
@ApplicationScoped
public class StaffMail {

    /** A link to reset a forgotten password: {@code admin/passwordResetMail.*}. */
    public static final MailKind PASSWORD_RESET = new MailKind("STAFF_PASSWORD_RESET", "Reset your password for the ASB portal");

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance passwordResetMail(LinkIssued mail);
    }

    private final Outbox outbox;

    public StaffMail(Outbox outbox) {
        this.outbox = outbox;
    }

    void passwordResetLink(@Observes LinkIssued link) {
        outbox.enqueue(PASSWORD_RESET, link.email(), "", () -> Templates.passwordResetMail(link));
    }
}
