package org.asbportal.triage;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import org.asbportal.ward.WardsReplaced;

/**
 * When the wards are replaced, each queue item takes its report's ward again: after the reports have
 * been placed in their new wards (and those of removed wards left without one), before anything counts
 * them, in the same transaction. The queue filtered by ward then finds them where their reports now are.
 */
@ApplicationScoped
public class QueueItemWards {

    private static final Logger LOG = Logger.getLogger(QueueItemWards.class);

    void follow(@Observes @Priority(150) WardsReplaced replaced) {
        int moved = QueueItem.getEntityManager().createQuery("update QueueItem i"
                        + " set i.wardCode = (select r.wardCode from Report r where r.id = i.report.id)"
                        + " where i.wardCode is distinct from (select r.wardCode from Report r where r.id = i.report.id)")
                .executeUpdate();
        LOG.infof("Wards replaced: %d queue items moved with their reports", moved);
    }
}
