package org.asbportal.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Security headers every response carries ({@code asb.headers.*}); see {@link ResponseHeaders}. */
@ConfigMapping(prefix = "asb.headers")
public interface HeadersConfig {

    /**
     * How long browsers keep to HTTPS after a response that came over it (ASB_HEADERS_HSTS_MAX_AGE).
     * Sent only on requests that arrived over TLS, or through a trusted proxy saying so.
     */
    @WithDefault("P365D")
    Duration hstsMaxAge();

    /**
     * The browser features pages may use (ASB_HEADERS_PERMISSIONS_POLICY). Location is kept for the
     * portal's own pages, for a map's "use my location"; everything else is off.
     */
    @WithDefault("accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
            + "fullscreen=(), geolocation=(self), gyroscope=(), hid=(), idle-detection=(), magnetometer=(), "
            + "microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), "
            + "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()")
    String permissionsPolicy();
}
