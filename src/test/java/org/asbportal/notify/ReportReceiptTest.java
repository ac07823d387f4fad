package org.asbportal.notify;

import static org.asbportal.notify.Victims.flyTipping;
import static org.asbportal.notify.Victims.receipt;
import static org.asbportal.notify.Victims.report;
import static org.asbportal.notify.Victims.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;

import org.asbportal.notify.Victims.Created;
import org.asbportal.report.ReportReceipts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A resident who reports with an email address gets a receipt straight after: written to the outbox
 * with the report, then sent. It gives the reference, what happens next and where to check the
 * report, and never the access code. An anonymous report gets none.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class ReportReceiptTest {

    GreenMail mailServer;

    @Inject
    OutboxSender sender;

    @BeforeEach
    void onlyThisTestsEmailsWaiting() {
        Victims.discardBacklog();
    }

    @Test
    void aReportWithAnEmailAddressIsAcknowledgedByEmailWithoutTheAccessCode() {
        String email = uniqueEmail();
        Created report = report(flyTipping(email).with("reporter.name", "Alex Resident"));

        OutboxMessage saved = receipt(report.reference()).orElseThrow(() -> new AssertionError("no receipt in the outbox"));
        assertThat(saved.kind).isEqualTo(ReportReceipts.RECEIPT.code());
        assertThat(saved.recipient).isEqualTo(email);
        assertThat(saved.subject).isEqualTo("We have received your report " + report.reference());
        for (String body : List.of(saved.bodyText, saved.bodyHtml)) {
            assertThat(body).contains(report.reference(), "Alex Resident", "/track", "What happens next", "fly-tipping")
                    .doesNotContain(report.accessCode());
        }

        Victims.sendAllDue(sender, report.reference());

        List<MimeMessage> sent = Victims.everything(mailServer, email);
        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.getSubject()).isEqualTo("We have received your report " + report.reference());
            assertThat(Victims.part(message, "text/plain")).contains(report.reference()).doesNotContain(report.accessCode());
        });
    }

    @Test
    void anAnonymousReportGetsNoReceiptEvenIfAnAddressWasSent() {
        String email = uniqueEmail();
        Created report = report(flyTipping(email).with("anonymous", true));

        assertThat(receipt(report.reference())).isEmpty();
    }
}
