package org.asbportal.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A queue's filters and order an officer saved under a name (V032); theirs alone. */
@Entity
@Table(name = "saved_queue_filter")
public class SavedFilter extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "queue_id")
    public Long queueId;

    public String name;

    /** The filter as {@link QueueFilter#query()} writes it. */
    public String query;

    @Column(name = "created_at")
    public Instant createdAt;

    static List<SavedFilter> of(long accountId, long queueId) {
        return list("accountId = ?1 and queueId = ?2 order by name", accountId, queueId);
    }
}
