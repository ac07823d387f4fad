package org.asbportal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Back-off between attempts and what is kept of a failure. */
class OutboxSenderTest {

    private static final Duration INITIAL = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofHours(1);

    @Test
    void waitDoublesAfterEachFailureUpToTheMaximum() {
        assertThat(OutboxSender.backoff(1, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutboxSender.backoff(2, INITIAL, MAX)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSender.backoff(3, INITIAL, MAX)).isEqualTo(Duration.ofMinutes(2));
        assertThat(OutboxSender.backoff(7, INITIAL, MAX)).isEqualTo(Duration.ofMinutes(32));
        assertThat(OutboxSender.backoff(8, INITIAL, MAX)).isEqualTo(MAX);
        assertThat(OutboxSender.backoff(Integer.MAX_VALUE, INITIAL, MAX)).isEqualTo(MAX);
    }

    @Test
    void failureIsKeptWithoutAddressesAndShort() {
        RuntimeException failure = new RuntimeException("send failed",
                new IllegalStateException("550 5.1.1 <sam.resident@example.org>: Recipient address rejected " + "x".repeat(500)));

        String kept = OutboxSender.describe(failure);

        assertThat(kept).startsWith("IllegalStateException: 550 5.1.1 <[address]>: Recipient address rejected")
                .doesNotContain("sam.resident", "example.org")
                .hasSizeLessThanOrEqualTo(200);
    }
}
