package org.asbportal.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A canned public update for the cases of one queue, kept by administrators (V032). Its text may hold
 * the placeholders {@code {reference}}, {@code {officer}}, {@code {next_date}} and {@code {ward}}.
 * A retired template is kept but no longer offered.
 */
@Entity
@Table(name = "response_template")
public class ResponseTemplate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "queue_id")
    public TriageQueue queue;

    public String title;

    public String body;

    public boolean retired;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The templates offered in a queue, by title. */
    public static List<ResponseTemplate> offeredIn(long queueId) {
        return list("queue.id = ?1 and retired = false order by title, id", queueId);
    }

    /** Every template, queue by queue, for administrators. */
    public static List<ResponseTemplate> all() {
        return find("select t from ResponseTemplate t join fetch t.queue q order by q.name, t.retired, t.title, t.id").list();
    }
}
