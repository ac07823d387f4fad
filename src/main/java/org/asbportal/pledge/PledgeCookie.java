package org.asbportal.pledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

/**
 * The session cookie of organisations' contacts: a random token (its hash is in
 * {@code pledge_session}), HttpOnly, SameSite=Lax so that following an emailed link keeps it, and
 * Secure unless configured otherwise for plain-HTTP development. It lasts as long as the browser is
 * open; the session behind it ends after {@link PledgeConfig#sessionTimeout()} without use.
 */
@ApplicationScoped
public class PledgeCookie {

    public static final String NAME = "asb-pledge";

    private final PledgeConfig config;

    public PledgeCookie(PledgeConfig config) {
        this.config = config;
    }

    public NewCookie session(String token) {
        return build(token, NewCookie.DEFAULT_MAX_AGE);
    }

    public NewCookie cleared() {
        return build("", 0);
    }

    private NewCookie build(String value, int maxAge) {
        return new NewCookie.Builder(NAME).value(value).path("/").httpOnly(true).secure(config.secureCookie())
                .sameSite(NewCookie.SameSite.LAX).maxAge(maxAge).build();
    }
}
