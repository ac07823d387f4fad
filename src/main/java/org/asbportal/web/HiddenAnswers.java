package org.asbportal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The answers of a multi-page public form, carried from page to page in a hidden field (JSON, then
 * base64url) instead of server memory, so that any replica can serve the next page. Nothing read
 * back is trusted: the form validates every answer again before saving.
 */
@ApplicationScoped
public class HiddenAnswers {

    private final ObjectMapper objectMapper;

    public HiddenAnswers(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The hidden field's value for these answers. */
    public String encode(Object answers) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(objectMapper.writeValueAsBytes(answers));
        } catch (IOException e) {
            throw new IllegalStateException("Form answers could not be written", e);
        }
    }

    /** The answers a page sent back; empty when there are none or they cannot be read as {@code type}. */
    public <T> Optional<T> decode(String encoded, Class<T> type) {
        if (encoded == null || encoded.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(objectMapper.readValue(Base64.getUrlDecoder().decode(encoded.strip()), type));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The idempotency key for answers changed after they were sent with {@code firstKey} (the back
     * button): derived from the first key and the new answers, so that sending the changed answers
     * again saves them once.
     */
    public static String keyForChangedAnswers(String firstKey, String fingerprint) {
        String answers = firstKey + "\n" + fingerprint;
        return UUID.nameUUIDFromBytes(answers.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
