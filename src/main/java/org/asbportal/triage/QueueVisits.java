package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

import org.asbportal.web.Calendar;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * When each member of staff last looked at each queue ({@code queue_visit}, V030), so that the queue
 * page can mark what arrived since. Every statement reads or writes one row by its primary key.
 */
@ApplicationScoped
class QueueVisits {

    private final EntityManager em;
    private final Calendar calendar;

    QueueVisits(EntityManager em, Calendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    /**
     * The time of the officer's look at the queue before this one (null on their first), items received
     * after it being new to them. Opening the first page starts a new look: the time of the last one
     * becomes the time before, and now the last; later pages belong to the same look.
     */
    Instant lookedBefore(long accountId, long queueId, boolean firstPage) {
        if (firstPage) {
            // Left to right: the previous look takes the last look's time before the last is set to now.
            em.createNativeQuery("INSERT INTO queue_visit (account_id, queue_id, last_opened_at) VALUES (?1, ?2, ?3) "
                            + "ON DUPLICATE KEY UPDATE previous_opened_at = last_opened_at, last_opened_at = VALUES(last_opened_at)")
                    .setParameter(1, accountId).setParameter(2, queueId).setParameter(3, calendar.now())
                    .executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<Instant> rows = em.createNativeQuery("SELECT previous_opened_at FROM queue_visit WHERE account_id = ?1 AND queue_id = ?2")
                .setParameter(1, accountId).setParameter(2, queueId)
                .unwrap(NativeQuery.class).addScalar("previous_opened_at", StandardBasicTypes.INSTANT)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }
}
