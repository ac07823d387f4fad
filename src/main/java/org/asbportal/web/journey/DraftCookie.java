package org.asbportal.web.journey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

/**
 * The cookie that finds a resident's draft of a journey ({@link Journey#cookieName()}, one a journey): a random token (its hash is in
 * {@code journey_draft}), HttpOnly, SameSite=Lax, Secure unless configured otherwise for plain-HTTP
 * development, kept as long as a draft is, so a resident can close the browser and come back.
 */
@ApplicationScoped
public class DraftCookie {

    private final JourneyConfig config;

    public DraftCookie(JourneyConfig config) {
        this.config = config;
    }

    public NewCookie of(Journey<?> journey, String token) {
        return new NewCookie.Builder(journey.cookieName()).value(token).path("/").httpOnly(true).secure(config.secureCookie())
                .sameSite(NewCookie.SameSite.LAX).maxAge((int) config.draftValidFor().toSeconds()).build();
    }
}
