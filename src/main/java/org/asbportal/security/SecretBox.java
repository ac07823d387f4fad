package org.asbportal.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals small secrets kept in the database (two-factor secrets) with AES-256-GCM, under a key
 * derived from the portal's secret ({@link SecretConfig#secret()}): a copy of the database alone
 * gives none of them. While a secret is being rotated, what was sealed under the previous one still opens.
 */
@ApplicationScoped
public class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    private final List<SecretKey> keys = new ArrayList<>();

    public SecretBox(SecretConfig config) {
        keys.add(key(config.secret()));
        config.previousSecret().filter(s -> !s.isBlank()).ifPresent(previous -> keys.add(key(previous)));
    }

    private static SecretKey key(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("asb-secret-box:" + secret).getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(digest, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes sealed: base64 of nonce and ciphertext with its tag. */
    public String seal(byte[] plain, String purpose) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(0), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes {@link #seal} sealed for the same purpose, under the current secret or the previous one. */
    public byte[] open(String sealed, String purpose) {
        byte[] all = Base64.getDecoder().decode(sealed);
        for (SecretKey key : keys) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE));
                cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
                return cipher.doFinal(all, NONCE, all.length - NONCE);
            } catch (GeneralSecurityException e) {
                // Not sealed under this key: try the previous one.
            }
        }
        throw new IllegalStateException("A sealed secret opens under neither the current nor the previous secret");
    }
}
