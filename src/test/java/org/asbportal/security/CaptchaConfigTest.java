package org.asbportal.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CaptchaConfigTest {

    @Test
    void secretWithoutSiteKeyIsRefusedBecauseTheFormCouldNotShowTheCheck() {
        RecaptchaConfig config = new SmallRyeConfigBuilder()
                .withMapping(RecaptchaConfig.class)
                .withDefaultValues(Map.of("asb.recaptcha.secret", "a-secret", "asb.recaptcha.timeout", "PT3S"))
                .build()
                .getConfigMapping(RecaptchaConfig.class);

        assertThatThrownBy(() -> new CaptchaVerifier(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asb.recaptcha.site-key");
    }
}
