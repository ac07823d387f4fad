package org.asbportal.web.journey;

import java.util.function.Function;

/**
 * What the engine answers a request with: a page to show (with its status), or the address to go to
 * (303 See Other); and a new draft cookie token to set, when it started a draft.
 */
public record JourneyOutcome<P>(String redirect, P page, int status, String newToken) {

    public static <P> JourneyOutcome<P> redirect(String location, String newToken) {
        return new JourneyOutcome<>(location, null, 303, newToken);
    }

    public static <P> JourneyOutcome<P> show(P page, int status, String newToken) {
        return new JourneyOutcome<>(null, page, status, newToken);
    }

    public boolean redirects() {
        return redirect != null;
    }

    /** The same outcome showing the page as {@code view} turns it into. */
    public <Q> JourneyOutcome<Q> map(Function<P, Q> view) {
        return new JourneyOutcome<>(redirect, page == null ? null : view.apply(page), status, newToken);
    }
}
