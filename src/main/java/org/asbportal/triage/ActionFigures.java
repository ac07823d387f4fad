package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the partnership did, for the public: actions done (not merely planned or cancelled) of the
 * kinds people recognise, by the ward of their case and the month they were done (UTC, as the
 * figures count months). The counts hold nothing personal and survive anonymisation, which keeps actions.
 */
@ApplicationScoped
public class ActionFigures {

    /** The kinds of action published, in the order they are shown. */
    public static final List<ActionType> PUBLISHED = List.of(ActionType.WARNING, ActionType.ACCEPTABLE_BEHAVIOUR_CONTRACT,
            ActionType.COMMUNITY_PROTECTION_WARNING, ActionType.COMMUNITY_PROTECTION_NOTICE, ActionType.PSPO_ENFORCEMENT,
            ActionType.DISPERSAL_DIRECTION);

    /** How many actions of one kind were done in a ward (null when the case has no ward) in a month. */
    public record ActionTally(String wardCode, YearMonth month, ActionType type, long count) {
    }

    private final EntityManager em;

    public ActionFigures(EntityManager em) {
        this.em = em;
    }

    /** The published actions done in the months from {@code first} to {@code last}, both included. */
    @Transactional
    public List<ActionTally> done(YearMonth first, YearMonth last) {
        List<Object[]> rows = em.createQuery("select i.wardCode, a.type, a.completedAt from CaseAction a, QueueItem i "
                + "where i.report = a.report and a.status = :done and a.type in :kinds "
                + "and a.completedAt >= :from and a.completedAt < :until", Object[].class)
                .setParameter("done", ActionStatus.DONE)
                .setParameter("kinds", PUBLISHED)
                .setParameter("from", first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                .setParameter("until", last.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                .getResultList();
        Map<String, Long> counts = new TreeMap<>();
        Map<String, ActionTally> keys = new TreeMap<>();
        for (Object[] row : rows) {
            String ward = (String) row[0];
            ActionType type = (ActionType) row[1];
            YearMonth month = YearMonth.from(((Instant) row[2]).atZone(ZoneOffset.UTC));
            String key = (ward == null ? "" : ward) + "|" + month + "|" + type.ordinal();
            counts.merge(key, 1L, Long::sum);
            keys.putIfAbsent(key, new ActionTally(ward, month, type, 0));
        }
        return keys.entrySet().stream()
                .map(e -> new ActionTally(e.getValue().wardCode(), e.getValue().month(), e.getValue().type(), counts.get(e.getKey())))
                .toList();
    }
}
