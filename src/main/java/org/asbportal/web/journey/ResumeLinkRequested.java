package org.asbportal.web.journey;

import java.time.Instant;

/**
 * A resident asked to save a journey and come back later: fired in the transaction that stores the
 * link's token, for the outbox to email {@code link} to {@code email}. Nothing else about the
 * resident or their answers travels with it, and the address is kept nowhere else.
 *
 * @param journeyTitle what the resident was doing, e.g. "Report anti-social behaviour"
 * @param path the link's address on the portal, {@code /report/resume/{token}}
 * @param expiresAt when the link stops working
 */
public record ResumeLinkRequested(String journeyTitle, String email, String path, Instant expiresAt) {
}
