package org.asbportal.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** An email written in the same transaction as the change it tells about, sent later by {@link OutboxSender}. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    /**
     * The next due message, locked for this transaction. Rows another sender (another replica) has
     * locked are skipped rather than waited for, so senders never take the same message.
     */
    private static final String LOCK_NEXT_DUE = """
            SELECT * FROM outbox_message
             WHERE status = 'PENDING' AND next_attempt_at <= :now
             ORDER BY next_attempt_at, id
             LIMIT 1
             FOR UPDATE SKIP LOCKED""";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The {@link MailKind#code()} of the email. */
    public String kind;

    public String recipient;

    public String subject;

    @Column(name = "body_text")
    public String bodyText;

    @Column(name = "body_html")
    public String bodyHtml;

    /** The report the email is about, if any. */
    @Column(name = "report_reference")
    public String reportReference;

    /** Failed attempts so far. */
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Why the last attempt failed, without personal data. */
    @Column(name = "last_error")
    public String lastError;

    @Enumerated(EnumType.STRING)
    public OutboxStatus status;

    /** Locks the message due longest at {@code now} that no other transaction holds; empty when there is none. */
    static Optional<OutboxMessage> lockNextDue(Instant now) {
        return getEntityManager().createNativeQuery(LOCK_NEXT_DUE, OutboxMessage.class)
                .setParameter("now", now)
                .getResultStream()
                .map(OutboxMessage.class::cast)
                .findFirst();
    }
}
