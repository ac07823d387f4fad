package org.asbportal.trigger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.asbportal.web.Calendar;

/**
 * Community Trigger review steps still to be done past their day, by step
 * ({@code asb_trigger_steps_overdue}), read every {@code asb.metrics.refresh-every} by one grouped
 * count over the steps' due index, never by a scrape.
 */
@Startup
@ApplicationScoped
public class TriggerMetrics {

    private final Calendar calendar;
    private final Map<TriggerStep, AtomicLong> overdue = new EnumMap<>(TriggerStep.class);

    public TriggerMetrics(MeterRegistry meters, Calendar calendar) {
        this.calendar = calendar;
        for (TriggerStep step : TriggerStep.values()) {
            AtomicLong value = new AtomicLong();
            overdue.put(step, value);
            Gauge.builder("asb.trigger.steps.overdue", value, AtomicLong::get)
                    .description("Community Trigger review steps still to be done after the day they were due by")
                    .tag("step", step.name().toLowerCase(Locale.ROOT))
                    .register(meters);
        }
    }

    @Scheduled(every = "${asb.metrics.refresh-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        refresh();
    }

    @Transactional
    public void refresh() {
        Map<TriggerStep, Long> counts = new EnumMap<>(TriggerStep.class);
        for (Object[] row : TriggerApplicationStep.getEntityManager().createQuery("select s.step, count(s) from TriggerApplicationStep s"
                + " where s.completedAt is null and s.notNeeded = false and s.dueBy < :today group by s.step", Object[].class)
                .setParameter("today", calendar.today())
                .getResultList()) {
            counts.put((TriggerStep) row[0], ((Number) row[1]).longValue());
        }
        overdue.forEach((step, value) -> value.set(counts.getOrDefault(step, 0L)));
    }
}
