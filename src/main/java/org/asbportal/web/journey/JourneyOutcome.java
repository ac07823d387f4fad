package org.asbportal.web.journey;

import java.time.Duration;
import java.util.function.Function;

/**
 * What the engine answers a request with: a page to show (with its status), or the address to go to
 * (303 See Other); and a new draft cookie token to set, when it started a draft; and, when the page says
 * to wait before sending again, how long (the {@code Retry-After} header).
 */
public record JourneyOutcome<P>(String redirect, P page, int status, String newToken, Duration retryAfter) {

    public static <P> JourneyOutcome<P> redirect(String location, String newToken) {
        return new JourneyOutcome<>(location, null, 303, newToken, null);
    }

    public static <P> JourneyOutcome<P> show(P page, int status, String newToken) {
        return new JourneyOutcome<>(null, page, status, newToken, null);
    }

    /** A page saying to wait {@code retryAfter} before trying again (429 Too Many Requests). */
    public static <P> JourneyOutcome<P> wait(P page, Duration retryAfter) {
        return new JourneyOutcome<>(null, page, 429, null, retryAfter);
    }

    public boolean redirects() {
        return redirect != null;
    }

    /** The same outcome showing the page as {@code view} turns it into. */
    public <Q> JourneyOutcome<Q> map(Function<P, Q> view) {
        return new JourneyOutcome<>(redirect, page == null ? null : view.apply(page), status, newToken, retryAfter);
    }
}
