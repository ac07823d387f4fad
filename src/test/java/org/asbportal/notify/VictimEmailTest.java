package org.asbportal.notify;

import static org.asbportal.notify.Victims.close;
import static org.asbportal.notify.Victims.flyTipping;
import static org.asbportal.notify.Victims.outbox;
import static org.asbportal.notify.Victims.part;
import static org.asbportal.notify.Victims.received;
import static org.asbportal.notify.Victims.report;
import static org.asbportal.notify.Victims.uniqueEmail;
import static org.asbportal.notify.Victims.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;

import org.asbportal.triage.VictimNotifier;
import org.asbportal.notify.Victims.Created;
import org.asbportal.report.ReportRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Victims who gave an email address are emailed every public update of their case and its closure. */
@QuarkusTest
@TestProfile(MailProfile.class)
class VictimEmailTest {

    @BeforeEach
    void onlyThisTestsEmailsWaiting() {
        Victims.discardBacklog();
    }

    GreenMail mailServer;

    @Inject
    OutboxSender sender;

    @Test
    void publicUpdateIsSavedWithTheChangeThenSentOnceWithoutTheAccessCode() throws MessagingException {
        String email = uniqueEmail();
        Created report = report(flyTipping(email));
        String text = "We have asked the landowner to clear the mattresses by Friday, " + ReportRequests.unique();

        update(report.reference(), text, true);

        List<OutboxMessage> saved = outbox(report.reference());
        assertThat(saved).singleElement().satisfies(message -> {
            assertThat(message.status).isEqualTo(OutboxStatus.PENDING);
            assertThat(message.kind).isEqualTo(VictimNotifier.CASE_UPDATE.code());
            assertThat(message.recipient).isEqualTo(email);
            assertThat(message.attempts).isZero();
        });
        assertThat(received(mailServer, email)).isEmpty();

        sender.sendDue();
        sender.sendDue();

        List<MimeMessage> mails = received(mailServer, email);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Update on your report " + report.reference());
        assertThat(mail.getFrom()[0].toString()).isEqualTo("no-reply@example.org");
        for (String body : List.of(part(mail, "text/plain"), part(mail, "text/html"))) {
            assertThat(body)
                    .contains(text, report.reference(), "Bedford Borough Community Safety Partnership",
                            "http://localhost:8080/track")
                    .doesNotContain(report.accessCode());
        }
        assertThat(outbox(report.reference())).singleElement().satisfies(message -> {
            assertThat(message.status).isEqualTo(OutboxStatus.SENT);
            assertThat(message.sentAt).isNotNull();
        });
    }

    @Test
    void updateIsEscapedInTheHtmlAndKeptAsWrittenInTheText() {
        String email = uniqueEmail();
        Created report = report(flyTipping(email));

        update(report.reference(), "Cleared <b>today</b> & checked", true);
        sender.sendDue();

        MimeMessage mail = received(mailServer, email).get(0);
        assertThat(part(mail, "text/plain")).contains("Cleared <b>today</b> & checked");
        assertThat(part(mail, "text/html")).contains("Cleared &lt;b&gt;today&lt;/b&gt; &amp; checked");
    }

    @Test
    void internalNoteSendsNothing() {
        String email = uniqueEmail();
        Created report = report(flyTipping(email));

        update(report.reference(), "Landowner known to us, call before visiting", false);
        sender.sendDue();

        assertThat(outbox(report.reference())).isEmpty();
        assertThat(received(mailServer, email)).isEmpty();
    }

    @Test
    void anonymousReporterIsNeverEmailedEvenIfAnAddressWasSent() {
        String email = uniqueEmail();
        Created report = report(flyTipping(email).with("anonymous", true));

        update(report.reference(), "We have cleared the rubbish", true);
        close(report.reference());
        sender.sendDue();

        assertThat(outbox(report.reference())).isEmpty();
        assertThat(received(mailServer, email)).isEmpty();
    }

    @Test
    void closingSendsAClosureEmail() throws MessagingException {
        String email = uniqueEmail();
        Created report = report(flyTipping(email));

        close(report.reference());

        assertThat(outbox(report.reference())).singleElement()
                .satisfies(message -> assertThat(message.kind).isEqualTo(VictimNotifier.CASE_CLOSED.code()));
        sender.sendDue();

        List<MimeMessage> mails = received(mailServer, email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Your report " + report.reference() + " has been closed");
        for (String body : List.of(part(mails.get(0), "text/plain"), part(mails.get(0), "text/html"))) {
            assertThat(body)
                    .contains("We have closed your report. Outcome: ", report.reference(), "/track")
                    .doesNotContain(report.accessCode());
        }
    }
}
