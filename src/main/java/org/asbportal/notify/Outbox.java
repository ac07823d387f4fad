package org.asbportal.notify;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Writes emails to the outbox. Callers enqueue inside the transaction of the change the email is
 * about, so the email exists exactly when the change does; {@link OutboxSender} sends it later.
 */
@ApplicationScoped
public class Outbox {

    private final Clock clock;

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    /**
     * Saves an email the feature it is about rendered itself (a letter), as PENDING, due now. It
     * never carries an access code.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueRendered(MailKind kind, String recipient, String reference, String bodyText, String bodyHtml) {
        save(kind, recipient, reference, reference, bodyText, bodyHtml);
    }

    /** {@code reference} names the email in its subject; {@code caseReference} is the case or application it is about, if any. */
    private void save(MailKind kind, String recipient, String reference, String caseReference, String bodyText,
            String bodyHtml) {
        OutboxMessage message = new OutboxMessage();
        message.createdAt = clock.instant();
        message.kind = kind.code();
        message.recipient = recipient;
        message.subject = kind.subject(reference);
        message.bodyText = bodyText;
        message.bodyHtml = bodyHtml;
        message.reportReference = caseReference;
        message.status = OutboxStatus.PENDING;
        message.nextAttemptAt = message.createdAt;
        message.persist();
    }

    /**
     * Saves an email a feature renders from its own template, HTML and plain-text variants (a fresh
     * instance for each), as PENDING, due now. {@code reference} is what it is about, e.g. {@code PLEDGE-42}, for the subject.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(MailKind kind, String recipient, String reference, Supplier<TemplateInstance> template) {
        enqueue(kind, recipient, reference, null, template);
    }

    /**
     * As {@link #enqueue(MailKind, String, String, Supplier)}, for an email about a case or application:
     * {@code caseReference} keeps it with the case.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(MailKind kind, String recipient, String reference, String caseReference,
            Supplier<TemplateInstance> template) {
        save(kind, recipient, reference, caseReference, render(template.get(), Variant.TEXT_PLAIN),
                render(template.get(), Variant.TEXT_HTML));
    }

    private static String render(TemplateInstance template, String contentType) {
        return template.setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(contentType)).render();
    }
}
