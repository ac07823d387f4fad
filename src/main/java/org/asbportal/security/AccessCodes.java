package org.asbportal.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Readable references and secret access codes. References are public identifiers a resident can
 * read over the phone; access codes are shown once and stored only as a salted hash.
 *
 * <p>New codes are stored as {@code hmac-sha256$salt$mac}: HMAC-SHA-256 of the salt and the code,
 * keyed by a key derived from the server secret ({@code asb.secret}), so a copy of the database alone
 * does not let anyone test guesses. Codes stored before as {@code pbkdf2-sha256$iterations$salt$hash}
 * still verify; the stored form says which check applies. When {@code asb.previous-secret} is set,
 * codes hashed under it verify too, so the secret can be rotated without locking residents out.
 */
@ApplicationScoped
public class AccessCodes {

    /** No 0/O, 1/I/L or U: nothing a resident can misread. */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Iterations of the PBKDF2 hashes stored before HMAC. */
    private static final int PBKDF2_ITERATIONS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String HMAC = "HmacSHA256";
    static final String HMAC_PREFIX = "hmac-sha256";
    static final String PBKDF2_PREFIX = "pbkdf2-sha256";

    private final byte[] secret;
    /** Keys the stored hashes are checked with: the current one first, then the previous one if any. */
    private final List<SecretKeySpec> hashKeys;
    private final String dummyHash;

    public AccessCodes(SecretConfig config) {
        if (config.secret().length() < 32) {
            throw new IllegalStateException("asb.secret (ASB_SECRET) must be at least 32 characters long");
        }
        this.secret = config.secret().getBytes(StandardCharsets.UTF_8);
        List<SecretKeySpec> keys = new ArrayList<>();
        keys.add(hashKey(secret));
        config.previousSecret().filter(previous -> !previous.isBlank())
                .ifPresent(previous -> keys.add(hashKey(previous.getBytes(StandardCharsets.UTF_8))));
        this.hashKeys = List.copyOf(keys);
        this.dummyHash = hash("dummy-code-for-timing");
    }

    /** The key access codes are hashed with: HMAC(secret, "access-code-hash"), apart from every other use of the secret. */
    private static SecretKeySpec hashKey(byte[] secret) {
        return new SecretKeySpec(hmac(new SecretKeySpec(secret, HMAC), "access-code-hash".getBytes(StandardCharsets.UTF_8)), HMAC);
    }

    private static byte[] hmac(SecretKeySpec key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** A new reference such as {@code ASB-7KQ4-M9XP}. */
    public String newReference(String prefix) {
        return prefix + "-" + randomChars(4) + "-" + randomChars(4);
    }

    /** A new random access code such as {@code 7KQ4-M9XP-2TBD}. */
    public String newAccessCode() {
        return group(randomChars(12));
    }

    /**
     * The access code for a submission carrying an idempotency key: derived from the key with the
     * server secret, so that a retried submission shows the resident the same code.
     */
    public String accessCodeFor(String idempotencyKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("access-code:" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                code.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
            }
            return group(code.toString());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** Salted HMAC-SHA-256 of an access code under the server's key, for storing. */
    public String hash(String accessCode) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return hash(accessCode, salt);
    }

    /** The stored form of an access code with a given salt. */
    String hash(String accessCode, byte[] salt) {
        return HMAC_PREFIX + "$" + b64(salt) + "$" + b64(codeMac(hashKeys.get(0), salt, accessCode));
    }

    /**
     * Whether {@code accessCode} matches {@code storedHash}, in either stored form; spaces, dashes and
     * case are ignored. Hashes are compared in constant time.
     */
    public boolean matches(String accessCode, String storedHash) {
        return check(accessCode, storedHash) != Match.NONE;
    }

    /**
     * As {@link #matches(String, String)}; when the code matches a hash in an older form (PBKDF2, or an
     * HMAC under the previous secret), {@code store} is given the current form to keep in its place, so
     * that old hashes, and the time a PBKDF2 check takes, go as their codes are used.
     */
    public boolean matches(String accessCode, String storedHash, Consumer<String> store) {
        Match match = check(accessCode, storedHash);
        if (match == Match.OUTDATED) {
            store.accept(hash(accessCode));
        }
        return match != Match.NONE;
    }

    private enum Match { NONE, CURRENT, OUTDATED }

    private Match check(String accessCode, String storedHash) {
        if (accessCode == null || storedHash == null) {
            return Match.NONE;
        }
        String[] parts = storedHash.split("\\$");
        if (parts.length == 3 && parts[0].equals(HMAC_PREFIX)) {
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            Match match = Match.NONE;
            for (int i = 0; i < hashKeys.size(); i++) {
                if (MessageDigest.isEqual(expected, codeMac(hashKeys.get(i), salt, accessCode)) && match == Match.NONE) {
                    match = i == 0 ? Match.CURRENT : Match.OUTDATED;
                }
            }
            return match;
        }
        if (parts.length == 4 && parts[0].equals(PBKDF2_PREFIX)) {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            byte[] actual = pbkdf2(normalise(accessCode), salt, Integer.parseInt(parts[1]));
            return MessageDigest.isEqual(expected, actual) ? Match.OUTDATED : Match.NONE;
        }
        return Match.NONE;
    }

    /** The form access codes were stored in before: salted PBKDF2, kept so that those hashes can be checked and tested. */
    public static String pbkdf2Hash(String accessCode) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PBKDF2_PREFIX + "$" + PBKDF2_ITERATIONS + "$" + b64(salt) + "$"
                + b64(pbkdf2(normalise(accessCode), salt, PBKDF2_ITERATIONS));
    }

    private static byte[] codeMac(SecretKeySpec key, byte[] salt, String accessCode) {
        return hmac(key, salt, normalise(accessCode).getBytes(StandardCharsets.UTF_8));
    }

    /** Spends the same time as a real check, so an unknown reference cannot be told from a wrong code. */
    public void matchNothing(String accessCode) {
        matches(accessCode == null ? "" : accessCode, dummyHash);
    }

    /** SHA-256 in hex, for storing idempotency keys and request fingerprints. */
    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** The shape of every reference the portal gives: a prefix and two groups of four from {@link #ALPHABET}. */
    private static final Pattern REFERENCE = Pattern.compile("(ASB|CT)-[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}");

    /** The longest reference a resident may type with spaces around or between its parts. */
    private static final int REFERENCE_TYPED_MAX = 40;

    /**
     * A reference as a resident typed it, in the one form it is stored in: Unicode NFKC (full-width
     * and compatibility letters become plain ones), trimmed, upper-cased, spaces dropped. It is not
     * checked: see {@link #validReference} before looking anything up with it.
     */
    public static String normaliseReference(String reference) {
        if (reference == null) {
            return "";
        }
        return Normalizer.normalize(reference, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT).replace(" ", "");
    }

    /**
     * The normalised reference when it has the shape of one the portal gives ({@code ASB-7KQ4-M9XP},
     * {@code CT-7KQ4-M9XP}); empty for anything else: other characters (zero-width, soft hyphens, NUL,
     * a byte order mark), letters the portal never uses, or a reference too long. Nothing is looked up
     * with a reference that is not one.
     */
    public static Optional<String> validReference(String reference) {
        if (reference == null || reference.length() > REFERENCE_TYPED_MAX) {
            return Optional.empty();
        }
        String normalised = normaliseReference(reference);
        return REFERENCE.matcher(normalised).matches() ? Optional.of(normalised) : Optional.empty();
    }

    private static String normalise(String code) {
        return code.toUpperCase().replaceAll("[^0-9A-Z]", "");
    }

    private static byte[] pbkdf2(String code, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(code.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is unavailable", e);
        }
    }

    private static String randomChars(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private static String group(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
