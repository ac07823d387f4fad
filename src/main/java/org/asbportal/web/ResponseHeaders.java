package org.asbportal.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.asbportal.security.CaptchaVerifier;

/**
 * The headers that protect every response, set as its headers are written so they cover pages,
 * JSON, redirects of the sign-in mechanism and errors alike:
 * <ul>
 * <li>{@code Cache-Control: no-store} on everything but the static assets (stylesheets, scripts,
 * images): pages and JSON carry reports, cases, answers or the CSRF token of a form, and none is worth
 * a copy in a shared or back-button cache.</li>
 * <li>{@code Strict-Transport-Security} when the request came over HTTPS, directly or through a proxy
 * that says so (with {@code quarkus.http.proxy.*} forwarding on).</li>
 * <li>{@code Permissions-Policy} from {@link HeadersConfig#permissionsPolicy()}.</li>
 * <li>{@code Content-Security-Policy}, allowing Google's reCAPTCHA only when it is switched on; Swagger UI
 * ({@code /q/swagger-ui}, served in dev and when {@code ASB_SWAGGER_UI} is on) starts itself with an inline
 * script and styles, so its pages alone may run inline scripts and styles of their own origin.</li>
 * <li>Redirects to the host a request named: the {@code Host} header is the client's to choose, so
 * a {@code Location} built from it (as the sign-in mechanism builds its own) is made relative
 * unless it names the portal's configured address ({@link SiteConfig#baseUrl()}).</li>
 * </ul>
 */
@ApplicationScoped
public class ResponseHeaders {

    /** Served from static/ and the same for everyone. */
    static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/img/");
    static final String CSP_WITHOUT_RECAPTCHA = "default-src 'self'; script-src 'self'; frame-src 'none'; "
            + "img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String CSP_WITH_RECAPTCHA = "default-src 'self'; script-src 'self' https://www.google.com "
            + "https://www.gstatic.com; frame-src https://www.google.com; img-src 'self' data:; style-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String SWAGGER_UI_PREFIX = "/q/swagger-ui";
    static final String CSP_SWAGGER_UI = "default-src 'self'; script-src 'self' 'unsafe-inline'; frame-src 'none'; "
            + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final HeadersConfig config;
    private final CaptchaVerifier captcha;
    private final String siteAuthority;
    private final String hsts;
    private final String mapTiles;

    public ResponseHeaders(HeadersConfig config, SiteConfig site, CaptchaVerifier captcha, MapConfig map) {
        this.config = config;
        this.mapTiles = map.tileOrigin().orElse(null);
        this.captcha = captcha;
        this.siteAuthority = authorityOf(site.baseUrl());
        this.hsts = "max-age=" + config.hstsMaxAge().toSeconds();
    }

    void register(@Observes Filters filters) {
        filters.register(this::protect, 2000);
    }

    void protect(RoutingContext context) {
        String path = context.normalizedPath();
        HttpServerRequest request = context.request();
        boolean secure = request.isSSL() || "https".equalsIgnoreCase(request.scheme());
        String requestAuthority = request.authority() == null ? null : request.authority().toString();
        context.addHeadersEndHandler(v -> {
            MultiMap headers = context.response().headers();
            if (!isStaticAsset(path)) {
                headers.set("Cache-Control", "no-store");
            }
            if (secure) {
                headers.set("Strict-Transport-Security", hsts);
            }
            headers.set("Permissions-Policy", config.permissionsPolicy());
            headers.set("Content-Security-Policy", path != null && path.startsWith(SWAGGER_UI_PREFIX)
                    ? CSP_SWAGGER_UI : contentSecurityPolicy());
            String location = headers.get("Location");
            if (location != null) {
                headers.set("Location", location(location, requestAuthority));
            }
        });
        context.next();
    }

    String contentSecurityPolicy() {
        String policy = captcha.enabled() ? CSP_WITH_RECAPTCHA : CSP_WITHOUT_RECAPTCHA;
        return mapTiles == null ? policy : policy.replace("img-src 'self' data:", "img-src 'self' data: " + mapTiles);
    }

    static boolean isStaticAsset(String path) {
        return path != null && (STATIC_PREFIXES.stream().anyMatch(path::startsWith) || path.equals("/favicon.ico"));
    }

    /**
     * An absolute {@code Location} to the host the request named, when that is not the portal's
     * configured address, made relative; any other location (relative, to the portal, elsewhere) as it is.
     */
    String location(String location, String requestAuthority) {
        URI uri;
        try {
            uri = URI.create(location.strip());
        } catch (IllegalArgumentException e) {
            return location;
        }
        String authority = uri.getRawAuthority();
        if (!uri.isAbsolute() || authority == null || authority.equalsIgnoreCase(siteAuthority)) {
            return location;
        }
        if (requestAuthority != null && !authority.equalsIgnoreCase(requestAuthority)) {
            return location;
        }
        // One leading slash: "//host" would be another site again.
        String path = "/" + (uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/+", ""));
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    private static String authorityOf(String baseUrl) {
        try {
            String authority = URI.create(baseUrl.strip()).getRawAuthority();
            return authority == null ? "" : authority.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
