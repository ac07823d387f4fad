package org.asbportal.notify;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import org.asbportal.web.SiteConfig;

/**
 * Writes emails to the outbox. Callers enqueue inside the transaction of the change the email is
 * about, so the email exists exactly when the change does; {@link OutboxSender} sends it later.
 */
@ApplicationScoped
public class Outbox {

    /** What an email about a case shows. It never carries the access code. */
    public record CaseMail(String reference, String update, String partnershipName, String trackUrl) {
    }

    /** Each template has an HTML and a plain-text variant, {@code .html} and {@code .txt}. */
    @CheckedTemplate(basePath = "notify")
    static class Templates {
        static native TemplateInstance caseUpdate(CaseMail mail);

        static native TemplateInstance caseClosed(CaseMail mail);
    }

    private final SiteConfig site;

    private final Clock clock;

    public Outbox(SiteConfig site, Clock clock) {
        this.clock = clock;
        this.site = site;
    }

    /** Renders an email about a case for {@code recipient} and saves it as PENDING, due now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(MailKind kind, String recipient, String reference, String update) {
        CaseMail mail = new CaseMail(reference, update, site.partnershipName(), trackUrl());
        save(kind, recipient, reference, reference, render(kind, mail, Variant.TEXT_PLAIN), render(kind, mail, Variant.TEXT_HTML));
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
        message.kind = kind;
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
        save(kind, recipient, reference, null, render(template.get(), Variant.TEXT_PLAIN), render(template.get(), Variant.TEXT_HTML));
    }

    private String trackUrl() {
        return site.baseUrl().replaceAll("/+$", "") + "/track";
    }

    private static String render(MailKind kind, CaseMail mail, String contentType) {
        TemplateInstance template = switch (kind) {
            case CASE_UPDATE -> Templates.caseUpdate(mail);
            case CASE_CLOSED -> Templates.caseClosed(mail);
            case PLEDGE_SIGN_IN, PLEDGE_REVIEWED -> throw new IllegalArgumentException(kind + " emails are rendered by their feature");
            case TRIGGER_OUTCOME -> throw new IllegalArgumentException("The outcome letter is rendered by the case review");
        };
        return render(template, contentType);
    }

    private static String render(TemplateInstance template, String contentType) {
        return template.setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(contentType)).render();
    }
}
