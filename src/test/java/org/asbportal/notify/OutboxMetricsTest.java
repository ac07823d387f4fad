package org.asbportal.notify;

import static org.asbportal.notify.Victims.flyTipping;
import static org.asbportal.notify.Victims.report;
import static org.asbportal.notify.Victims.uniqueEmail;
import static org.asbportal.notify.Victims.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;

import org.asbportal.notify.Victims.Created;
import org.asbportal.web.Scrape;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox's backlog, the age of its oldest email and its failed attempts, as Prometheus reads them. */
@QuarkusTest
@TestProfile(MailProfile.class)
class OutboxMetricsTest {

    @Inject
    TestClock clock;

    @Inject
    OutboxSender sender;

    @Inject
    OutboxMetrics metrics;

    GreenMail mailServer;

    @BeforeEach
    void onlyThisTestsEmailsWaiting() {
        clock.fixAt(TestDates.NOW);
        Victims.discardBacklog();
    }

    @AfterEach
    void systemTimeAndMailServerBack() {
        clock.useSystemTime();
        if (!mailServer.isRunning()) {
            mailServer.start();
        }
    }

    private static long pending() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("status", OutboxStatus.PENDING));
    }

    @Test
    void aQueuedEmailShowsInTheBacklogWithItsAgeUntilItIsSent() {
        Created report = report(flyTipping(uniqueEmail()));
        update(report.reference(), "An officer will visit on Tuesday", true);
        long waiting = pending();
        assertThat(waiting).isGreaterThanOrEqualTo(1);

        clock.fixAt(TestDates.NOW.plus(Duration.ofMinutes(10)));
        metrics.refresh();

        Scrape queued = Scrape.now();
        assertThat(queued.value("asb_outbox_backlog")).isEqualTo(waiting);
        assertThat(queued.value("asb_outbox_oldest_pending_age_seconds")).isEqualTo(600);

        sender.sendDue();

        Scrape sent = Scrape.now();
        assertThat(sent.value("asb_outbox_backlog")).isZero();
        assertThat(sent.value("asb_outbox_oldest_pending_age_seconds")).isZero();
    }

    @Test
    void anAttemptThatFailsIsCounted() {
        Created report = report(flyTipping(uniqueEmail()));
        update(report.reference(), "We have cleared the rubbish", true);
        long waiting = pending();
        double before = Scrape.now().value("asb_outbox_send_failures_total", "result", "retrying");

        mailServer.stop();
        sender.sendDue();

        Scrape after = Scrape.now();
        assertThat(after.value("asb_outbox_send_failures_total", "result", "retrying")).isEqualTo(before + waiting);
        assertThat(after.value("asb_outbox_backlog")).isEqualTo(waiting);
    }
}
