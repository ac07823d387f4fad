package org.asbportal.triage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.asbportal.web.Calendar;

/**
 * Open, unassigned and overdue items per triage queue, as gauges tagged by the queue's code
 * ({@code asb_queue_open_items}, {@code asb_queue_unassigned_items}, {@code asb_queue_overdue_items}).
 * The counts are read every {@code asb.metrics.refresh-every} (ASB_METRICS_REFRESH_EVERY, 30s) by three
 * grouped counts over the indexes the queue list uses (V007), never by a scrape.
 */
@Startup
@ApplicationScoped
public class QueueMetrics {

    private final MeterRegistry meters;
    private final Calendar calendar;
    private final Map<String, Counts> byQueue = new ConcurrentHashMap<>();

    public QueueMetrics(MeterRegistry meters, Calendar calendar) {
        this.meters = meters;
        this.calendar = calendar;
    }

    private record Counts(AtomicLong open, AtomicLong unassigned, AtomicLong overdue) {
    }

    @Scheduled(every = "${asb.metrics.refresh-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        refresh();
    }

    @Transactional
    public void refresh() {
        Map<Long, String> codes = new HashMap<>();
        for (TriageQueue queue : TriageQueue.<TriageQueue>listAll()) {
            codes.put(queue.id, queue.code);
        }
        Map<Long, Long> open = grouped("where i.openItem = 1", null);
        Map<Long, Long> unassigned = grouped("where i.openItem = 1 and i.assignedTo is null", null);
        Map<Long, Long> overdue = grouped("where i.status = :new and i.firstContactDueBy < :today", calendar.today());
        codes.forEach((id, code) -> {
            Counts counts = byQueue.computeIfAbsent(code, this::register);
            counts.open().set(open.getOrDefault(id, 0L));
            counts.unassigned().set(unassigned.getOrDefault(id, 0L));
            counts.overdue().set(overdue.getOrDefault(id, 0L));
        });
    }

    private static Map<Long, Long> grouped(String where, LocalDate today) {
        var query = QueueItem.getEntityManager()
                .createQuery("select i.queue.id, count(i) from QueueItem i " + where + " group by i.queue.id", Object[].class);
        if (today != null) {
            query.setParameter("new", QueueItemStatus.NEW).setParameter("today", today);
        }
        List<Object[]> rows = query.getResultList();
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    private Counts register(String queue) {
        Counts counts = new Counts(new AtomicLong(), new AtomicLong(), new AtomicLong());
        gauge("asb.queue.open.items", "Open items in a triage queue", queue, counts.open());
        gauge("asb.queue.unassigned.items", "Open items in a triage queue that no one is assigned", queue, counts.unassigned());
        gauge("asb.queue.overdue.items", "New items in a triage queue past the day first contact was due by", queue, counts.overdue());
        return counts;
    }

    private void gauge(String name, String description, String queue, AtomicLong value) {
        Gauge.builder(name, value, AtomicLong::get).description(description).tag("queue", queue).register(meters);
    }
}
