package org.asbportal.notify;

import static org.asbportal.notify.Victims.flyTipping;
import static org.asbportal.notify.Victims.makeDue;
import static org.asbportal.notify.Victims.outbox;
import static org.asbportal.notify.Victims.received;
import static org.asbportal.notify.Victims.report;
import static org.asbportal.notify.Victims.uniqueEmail;
import static org.asbportal.notify.Victims.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;

import org.asbportal.notify.Victims.Created;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** While the mail server is down nothing is lost: emails wait, with back-off, and go out once it is back. */
@QuarkusTest
@TestProfile(MailProfile.class)
class OutboxDeliveryTest {

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

    GreenMail mailServer;

    @Inject
    OutboxSender sender;

    @AfterEach
    void mailServerBack() {
        if (!mailServer.isRunning()) {
            mailServer.start();
        }
    }

    @Test
    void emailWaitsWhileTheMailServerIsDownAndIsDeliveredOnceWhenItIsBack() {
        String email = uniqueEmail();
        Created report = report(flyTipping(email));
        update(report.reference(), "An officer will visit on Tuesday", true);

        mailServer.stop();
        Instant attempted = clock.instant();
        sender.sendDue();

        OutboxMessage waiting = outbox(report.reference()).get(0);
        assertThat(waiting.status).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.attempts).isEqualTo(1);
        assertThat(waiting.nextAttemptAt).isAfter(attempted);
        assertThat(waiting.lastError).isNotBlank().doesNotContain(email);

        mailServer.start();
        sender.sendDue();
        assertThat(received(mailServer, email)).as("not due yet").isEmpty();

        makeDue(waiting);
        sender.sendDue();
        sender.sendDue();

        assertThat(received(mailServer, email)).hasSize(1);
        assertThat(outbox(report.reference())).singleElement().satisfies(message -> {
            assertThat(message.status).isEqualTo(OutboxStatus.SENT);
            assertThat(message.attempts).isEqualTo(1);
        });
    }

    /**
     * Two replicas' senders working the same backlog at once: each email is claimed, committed, by one
     * of them before it is sent, so every victim gets their email once, and every message ends SENT.
     */
    @Test
    void twoSendersWorkingAtOnceSendEachEmailOnce() throws Exception {
        List<String> emails = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String email = uniqueEmail();
            Created report = report(flyTipping(email));
            update(report.reference(), "An officer will call on Thursday", true);
            emails.add(email);
            references.add(report.reference());
        }

        int sent;
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = replicas.submit(sender::sendDue);
            Future<Integer> second = replicas.submit(sender::sendDue);
            sent = first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS);
        } finally {
            replicas.shutdownNow();
        }
        // The test mail server drops a connection left idle, so a send can fail and wait for its next
        // attempt, as it would in production: that attempt is made now.
        for (String reference : references) {
            QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update("nextAttemptAt = ?1 where reportReference = ?2 "
                    + "and status = ?3", clock.instant(), reference, OutboxStatus.PENDING));
        }
        sent += sender.sendDue();
        assertThat(sent).as("emails sent: each victim's receipt and update, once").isEqualTo(2 * emails.size());

        for (String email : emails) {
            assertThat(received(mailServer, email)).as(email).hasSize(1);
            assertThat(Victims.everything(mailServer, email)).as(email + ", with the receipt").hasSize(2);
        }
        for (String reference : references) {
            assertThat(outbox(reference)).singleElement()
                    .satisfies(message -> assertThat(message.status).isEqualTo(OutboxStatus.SENT));
        }
    }

    @Test
    void waitsLongerAfterEachFailureAndGivesUpAfterTheLastAttempt() {
        String email = uniqueEmail();
        Created report = report(flyTipping(email));
        update(report.reference(), "We have cleared the rubbish", true);
        mailServer.stop();

        Duration previousWait = Duration.ZERO;
        for (int attempt = 1; attempt < MailProfile.MAX_ATTEMPTS; attempt++) {
            makeDue(outbox(report.reference()).get(0));
            Instant attempted = clock.instant();
            sender.sendDue();

            OutboxMessage message = outbox(report.reference()).get(0);
            assertThat(message.status).isEqualTo(OutboxStatus.PENDING);
            assertThat(message.attempts).isEqualTo(attempt);
            Duration wait = Duration.between(attempted, message.nextAttemptAt);
            assertThat(wait).isGreaterThan(previousWait);
            previousWait = wait;
        }
        makeDue(outbox(report.reference()).get(0));
        sender.sendDue();

        assertThat(outbox(report.reference())).singleElement().satisfies(message -> {
            assertThat(message.status).isEqualTo(OutboxStatus.FAILED);
            assertThat(message.attempts).isEqualTo(MailProfile.MAX_ATTEMPTS);
        });

        mailServer.start();
        makeDue(outbox(report.reference()).get(0));
        sender.sendDue();
        assertThat(received(mailServer, email)).isEmpty();
    }
}
