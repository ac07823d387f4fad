package org.asbportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A scheduled job's lease: one replica runs it in each turn, another takes over when the lease runs out. */
@QuarkusTest
class JobLeaseTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Inject
    JobLease lease;

    @Inject
    TestClock clock;

    private String job;

    @BeforeEach
    void newJob() {
        clock.fixAt(NOW);
        job = "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void aLeaseHeldByOneReplicaIsNotTakenByAnotherUntilItRunsOut() {
        assertThat(lease.take(job, HOUR, "replica-a")).as("the first taker, on a job with no row yet").isTrue();
        assertThat(lease.take(job, HOUR, "replica-b")).as("held").isFalse();
        assertThat(lease.take(job, HOUR, "replica-a")).as("held, even for the holder's next turn").isFalse();

        clock.fixAt(NOW.plus(HOUR).minusSeconds(1));
        assertThat(lease.take(job, HOUR, "replica-b")).as("a second before it runs out").isFalse();

        clock.fixAt(NOW.plus(HOUR));
        assertThat(lease.take(job, HOUR, "replica-b")).as("run out").isTrue();
    }

    @Test
    void replicasTakingTheLeaseAtOnceRunTheJobOnce() throws Exception {
        int replicas = 6;
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            List<Future<Boolean>> taken = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                String holder = "replica-" + i;
                taken.add(pool.submit(() -> {
                    start.await();
                    boolean mine = lease.take(job, HOUR, holder);
                    if (mine) {
                        runs.incrementAndGet();
                    }
                    return mine;
                }));
            }
            start.countDown();
            long winners = 0;
            for (Future<Boolean> future : taken) {
                winners += future.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(runs).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aJobRunsOnlyWhenItsReplicaHoldsTheLease() {
        AtomicInteger runs = new AtomicInteger();

        assertThat(lease.runOnce(job, "1h", runs::incrementAndGet)).isTrue();
        assertThat(lease.runOnce(job, "1h", runs::incrementAndGet)).as("the same turn").isFalse();
        clock.fixAt(NOW.plus(Duration.ofMinutes(54)));
        assertThat(lease.runOnce(job, "1h", runs::incrementAndGet)).as("the next turn, 90 % of the interval on").isTrue();

        assertThat(runs).hasValue(2);
    }

    @Test
    void theLeaseIsMostOfTheJobsInterval() {
        assertThat(JobLease.lease("1h")).isEqualTo(Duration.ofMinutes(54));
        assertThat(JobLease.lease("10s")).isEqualTo(Duration.ofSeconds(9));
        assertThat(JobLease.lease("off")).isEqualTo(Duration.ofMinutes(1));
    }
}
