package org.asbportal.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a staff password must be, after the NCSC's password guidance: length over complexity (at
 * least {@value #MIN_LENGTH} characters, no rules about symbols or capitals), none of the 10,000
 * most common passwords (the list shipped in {@code security/common-passwords.txt}), also with only
 * digits or symbols added at the end ("password2026!"), and never an expiry. The longest is what
 * bcrypt reads, 72 bytes.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Why the password may not be used, or empty when it may. */
    public static Optional<String> problem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("The password must be " + MIN_LENGTH + " characters or more");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("The password must be " + MAX_BYTES + " characters or fewer");
        }
        if (common(password)) {
            return Optional.of("This password is one of the most commonly used, so it is easy to guess: "
                    + "choose a different one, for example three random words");
        }
        return Optional.empty();
    }

    /** Whether the password is on the list, ignoring case, or is a listed one with only digits or symbols after it. */
    static boolean common(String password) {
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return true;
        }
        String stem = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "");
        return stem.length() >= 4 && !stem.equals(lower) && COMMON.contains(stem);
    }

    private static Set<String> load() {
        Set<String> common = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("The list of common passwords is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    common.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(common);
    }
}
