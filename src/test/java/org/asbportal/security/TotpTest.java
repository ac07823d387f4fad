package org.asbportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one-time codes match RFC 6238's test vectors (Appendix B) and are accepted once, within a step either side. */
class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0}s {1}")
    @CsvSource({
        "59, HmacSHA1, 94287082",
        "59, HmacSHA256, 46119246",
        "59, HmacSHA512, 90693936",
        "1111111109, HmacSHA1, 07081804",
        "1111111109, HmacSHA256, 68084774",
        "1111111109, HmacSHA512, 25091201",
        "1111111111, HmacSHA1, 14050471",
        "1111111111, HmacSHA256, 67062674",
        "1111111111, HmacSHA512, 99943326",
        "1234567890, HmacSHA1, 89005924",
        "1234567890, HmacSHA256, 91819424",
        "1234567890, HmacSHA512, 93441116",
        "2000000000, HmacSHA1, 69279037",
        "2000000000, HmacSHA256, 90698825",
        "2000000000, HmacSHA512, 38618901",
        "20000000000, HmacSHA1, 65353130",
        "20000000000, HmacSHA256, 77737706",
        "20000000000, HmacSHA512, 47863826"})
    void matchesTheRfc6238TestVectors(long seconds, String algorithm, String expected) {
        byte[] seed = switch (algorithm) {
            case "HmacSHA1" -> SHA1_SEED;
            case "HmacSHA256" -> SHA256_SEED;
            default -> SHA512_SEED;
        };
        assertEquals(expected, Totp.code(seed, Totp.step(Instant.ofEpochSecond(seconds)), 8, algorithm));
    }

    @Test
    void appsShowTheLastSixDigitsWithSha1() {
        assertEquals("287082", Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(59))));
        assertEquals("081804", Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(1111111109))));
    }

    @Test
    void acceptsTheStepEitherSideAndNoFurther() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.step(now);
        for (long offset = -1; offset <= 1; offset++) {
            assertEquals(OptionalLong.of(step + offset), Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step + offset), now, 0));
        }
        assertTrue(Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step - 2), now, 0).isEmpty());
        assertTrue(Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step + 2), now, 0).isEmpty());
    }

    @Test
    void neverAcceptsAStepAtOrBeforeTheLastOneAccepted() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.step(now);
        String code = Totp.code(SHA1_SEED, step);
        assertTrue(Totp.match(SHA1_SEED, code, now, step).isEmpty(), "the same code twice");
        assertTrue(Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step - 1), now, step).isEmpty(), "an older code");
        assertEquals(OptionalLong.of(step + 1), Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step + 1), now, step));
    }

    @Test
    void ignoresSpacesAndRefusesWhatIsNotSixDigits() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String code = Totp.code(SHA1_SEED, Totp.step(now));
        assertTrue(Totp.match(SHA1_SEED, code.substring(0, 3) + " " + code.substring(3), now, 0).isPresent());
        for (String wrong : new String[] {"", "12345", "1234567", "abcdef", "12 34 5", null}) {
            assertTrue(Totp.match(SHA1_SEED, wrong, now, 0).isEmpty(), String.valueOf(wrong));
        }
    }

    @Test
    void base32IsWhatAppsTake() {
        // RFC 4648 test vectors, without padding.
        assertEquals("MZXW6YTBOI", Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("MY", Totp.base32("f".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(SHA1_SEED));
        assertEquals(20, Totp.newSecret().length);
    }
}
