package org.asbportal.notify;

import static org.asbportal.notify.Victims.flyTipping;
import static org.asbportal.notify.Victims.outbox;
import static org.asbportal.notify.Victims.report;
import static org.asbportal.notify.Victims.uniqueEmail;
import static org.asbportal.notify.Victims.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.asbportal.notify.Victims.Created;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Sent emails leave the outbox after 30 days, emails given up on after 90; nothing waiting to go is removed. */
@QuarkusTest
@TestProfile(MailProfile.class)
class OutboxRetentionTest {

    /** The portal's clock, fixed at {@link TestDates#NOW} (Wednesday 11 March 2026, 10:30 in London) for every test here. */
    @Inject
    TestClock clock;

    @BeforeEach
    void onlyThisTestsEmailsWaiting() {
        clock.fixAt(TestDates.NOW);
        Victims.discardBacklog();
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Inject
    OutboxSender sender;

    @Inject
    OutboxRetention retention;

    @Test
    void sentEmailIsRemovedAfterThirtyDaysAndNotBefore() {
        Created report = report(flyTipping(uniqueEmail()));
        update(report.reference(), "We have cleared the bags", true);
        OutboxMessage sent = sendOnce(report.reference());
        assertThat(sent.status).isEqualTo(OutboxStatus.SENT);

        age(sent.id, "sentAt", Duration.ofDays(29));
        retention.purge(clock.instant());
        assertThat(outbox(report.reference())).hasSize(1);

        age(sent.id, "sentAt", Duration.ofDays(31));
        retention.purge(clock.instant());
        assertThat(outbox(report.reference())).isEmpty();
        assertThat(Victims.timeline(report.reference())).contains("We have cleared the bags");
    }

    @Test
    void failedEmailIsKeptNinetyDaysAndWaitingEmailIsNeverRemoved() {
        Created failing = report(flyTipping(uniqueEmail()));
        update(failing.reference(), "Update that could not be sent", true);
        Created waiting = report(flyTipping(uniqueEmail()));
        update(waiting.reference(), "Update still waiting to go", true);
        long failed = outbox(failing.reference()).get(0).id;
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update("status = ?1 where id = ?2", OutboxStatus.FAILED, failed));

        age(failed, "createdAt", Duration.ofDays(89));
        age(outbox(waiting.reference()).get(0).id, "createdAt", Duration.ofDays(1000));
        retention.purge(clock.instant());
        assertThat(outbox(failing.reference())).hasSize(1);

        age(failed, "createdAt", Duration.ofDays(91));
        retention.purge(clock.instant());
        assertThat(outbox(failing.reference())).isEmpty();
        assertThat(outbox(waiting.reference())).singleElement()
                .satisfies(message -> assertThat(message.status).isEqualTo(OutboxStatus.PENDING));
    }

    /**
     * Sends the report's email as the outbox does: the test mail server drops a connection left idle
     * for 30 seconds, so a first attempt after a quiet spell can fail and is retried, as in production.
     */
    private OutboxMessage sendOnce(String reference) {
        sender.sendDue();
        OutboxMessage message = outbox(reference).get(0);
        if (message.status == OutboxStatus.PENDING && message.attempts > 0) {
            Victims.makeDue(message);
            sender.sendDue();
            message = outbox(reference).get(0);
        }
        return message;
    }

    /** Sets a message's time {@code field} to {@code age} ago. */
    private void age(long id, String field, Duration age) {
        Instant then = clock.instant().minus(age);
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update(field + " = ?1 where id = ?2", then, id));
    }
}
