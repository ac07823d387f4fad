package org.asbportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Staff passwords: length over complexity, and none of the most common ones (NCSC guidance). */
class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"qwerty123456", "QWERTY123456", "1qaz2wsx3edc", "leavemealone", "password2026!", "Sunshine1234",
        "football12345", "iloveyou2026"})
    void refusesCommonPasswordsAndThemWithDigitsAdded(String password) {
        assertEquals(Optional.of("This password is one of the most commonly used, so it is easy to guess: "
                + "choose a different one, for example three random words"), PasswordPolicy.problem(password), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "demo-password-2026", "kettle-orchard-violin", "all lower case words",
        "first-admin-password-2026"})
    void acceptsLongUncommonPasswordsWithoutAskingForSymbolsOrCapitals(String password) {
        assertTrue(PasswordPolicy.problem(password).isEmpty(), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "elevenchars"})
    void refusesPasswordsShorterThanTwelveCharacters(String password) {
        assertTrue(PasswordPolicy.problem(password).isPresent(), password);
        if (!password.isEmpty()) {
            assertEquals(Optional.of("The password must be 12 characters or more"), PasswordPolicy.problem(password));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {73, 200})
    void refusesWhatBcryptWouldCutShort(int length) {
        assertEquals(Optional.of("The password must be 72 characters or fewer"), PasswordPolicy.problem("x".repeat(length)));
    }

    @org.junit.jupiter.api.Test
    void shipsTheTenThousandMostCommonPasswords() throws Exception {
        try (var in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            long entries = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).count();
            assertEquals(10_000, entries);
        }
    }
}
