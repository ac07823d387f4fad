package org.asbportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Access codes are stored as a keyed hash; codes stored before as PBKDF2 hashes still verify. */
class AccessCodesTest {

    private static final String SECRET = "first-secret-for-access-code-tests-0123456789";
    private static final String OTHER_SECRET = "other-secret-for-access-code-tests-0123456789";

    private static AccessCodes accessCodes(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(SecretConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return new AccessCodes(config.getConfigMapping(SecretConfig.class));
    }

    private static AccessCodes accessCodes(String secret) {
        return accessCodes(Map.of("asb.secret", secret));
    }

    @Test
    void aNewCodeIsHashedWithTheServerKeyAndVerifies() {
        AccessCodes codes = accessCodes(SECRET);
        String code = codes.newAccessCode();

        String hash = codes.hash(code);

        assertThat(hash).startsWith("hmac-sha256$").hasSizeLessThanOrEqualTo(120)
                .doesNotContain(code).doesNotContain(code.replace("-", ""));
        assertThat(codes.matches(code, hash)).isTrue();
        assertThat(codes.matches(code.toLowerCase().replace("-", " "), hash)).as("spaces, dashes and case ignored").isTrue();
    }

    @Test
    void aWrongCodeDoesNotVerify() {
        AccessCodes codes = accessCodes(SECRET);
        String code = codes.newAccessCode();
        String hash = codes.hash(code);

        assertThat(codes.matches(codes.newAccessCode(), hash)).isFalse();
        assertThat(codes.matches("", hash)).isFalse();
        assertThat(codes.matches(null, hash)).isFalse();
        assertThat(codes.matches(code, "something-else$abc$def")).isFalse();
    }

    @Test
    void aCodeStoredAsAPbkdf2HashBeforeStillVerifies() {
        AccessCodes codes = accessCodes(SECRET);
        String code = codes.newAccessCode();

        String stored = AccessCodes.pbkdf2Hash(code);

        assertThat(stored).startsWith("pbkdf2-sha256$60000$");
        assertThat(codes.matches(code, stored)).isTrue();
        assertThat(codes.matches(codes.newAccessCode(), stored)).isFalse();

        String hashed = codes.hash(code);
        long pbkdf2 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            codes.matches(code, stored);
        }
        pbkdf2 = System.nanoTime() - pbkdf2;
        long hmac = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            codes.matches(code, hashed);
        }
        hmac = System.nanoTime() - hmac;
        System.out.printf("Checking an access code: PBKDF2 (60,000 iterations) %.2f ms, HMAC-SHA-256 %.3f ms%n",
                pbkdf2 / 20 / 1e6, hmac / 20 / 1e6);
    }

    @Test
    void theHashDependsOnTheSecret() {
        AccessCodes first = accessCodes(SECRET);
        AccessCodes other = accessCodes(OTHER_SECRET);
        String code = first.newAccessCode();

        String hash = first.hash(code);

        assertThat(other.matches(code, hash)).as("the same code under another secret").isFalse();
        byte[] salt = new byte[16];
        assertThat(first.hash(code, salt)).isEqualTo(first.hash(code, salt))
                .isNotEqualTo(other.hash(code, salt));
    }

    @Test
    void codesHashedUnderThePreviousSecretVerifyWhileItIsSet() {
        String code = accessCodes(OTHER_SECRET).newAccessCode();
        String hashedBefore = accessCodes(OTHER_SECRET).hash(code);

        AccessCodes rotated = accessCodes(Map.of("asb.secret", SECRET, "asb.previous-secret", OTHER_SECRET));

        assertThat(rotated.matches(code, hashedBefore)).isTrue();
        assertThat(rotated.matches(rotated.newAccessCode(), hashedBefore)).isFalse();
        assertThat(accessCodes(SECRET).matches(code, hashedBefore)).as("without the previous secret").isFalse();
        assertThat(rotated.hash(code)).satisfies(hash -> assertThat(accessCodes(SECRET).matches(code, hash)).isTrue());
    }

    @Test
    void aCodeMatchingAnOlderFormOfHashIsGivenTheCurrentFormToStore() {
        AccessCodes rotated = accessCodes(Map.of("asb.secret", SECRET, "asb.previous-secret", OTHER_SECRET));
        String code = rotated.newAccessCode();
        java.util.List<String> stored = new java.util.ArrayList<>();

        assertThat(rotated.matches(code, AccessCodes.pbkdf2Hash(code), stored::add)).as("PBKDF2").isTrue();
        assertThat(rotated.matches(code, accessCodes(OTHER_SECRET).hash(code), stored::add)).as("previous secret").isTrue();

        assertThat(stored).hasSize(2).allSatisfy(upgraded -> {
            assertThat(upgraded).startsWith("hmac-sha256$");
            assertThat(accessCodes(SECRET).matches(code, upgraded)).as("under the current secret alone").isTrue();
        });
    }

    @Test
    void aCurrentHashOrAWrongCodeStoresNothing() {
        AccessCodes codes = accessCodes(SECRET);
        String code = codes.newAccessCode();
        java.util.List<String> stored = new java.util.ArrayList<>();

        assertThat(codes.matches(code, codes.hash(code), stored::add)).isTrue();
        assertThat(codes.matches(codes.newAccessCode(), AccessCodes.pbkdf2Hash(code), stored::add)).isFalse();

        assertThat(stored).isEmpty();
    }
}
