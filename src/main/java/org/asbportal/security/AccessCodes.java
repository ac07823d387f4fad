package org.asbportal.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
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
 * read over the phone; access codes are shown once and stored only as a salted PBKDF2 hash.
 */
@ApplicationScoped
public class AccessCodes {

    /** No 0/O, 1/I/L or U: nothing a resident can misread. */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int ITERATIONS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;
    private final String dummyHash;

    public AccessCodes(SecretConfig config) {
        if (config.secret().length() < 32) {
            throw new IllegalStateException("asb.secret (ASB_SECRET) must be at least 32 characters long");
        }
        this.secret = config.secret().getBytes(StandardCharsets.UTF_8);
        this.dummyHash = hash("dummy-code-for-timing");
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

    /** Salted PBKDF2 hash of an access code, for storing. */
    public String hash(String accessCode) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + ITERATIONS + "$" + b64(salt) + "$" + b64(pbkdf2(normalise(accessCode), salt, ITERATIONS));
    }

    /** Whether {@code accessCode} matches {@code storedHash}; spaces, dashes and case are ignored. */
    public boolean matches(String accessCode, String storedHash) {
        String[] parts = storedHash.split("\\$");
        if (parts.length != 4 || accessCode == null) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = pbkdf2(normalise(accessCode), salt, Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
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
