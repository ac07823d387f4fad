package org.asbportal.web.journey;

import java.util.List;

import org.asbportal.web.PageErrors;

/**
 * The engine's own pages for coming back later, the same in every journey: the address to send the
 * link to (with its errors), the link sent (and until when it works), and a link that no longer works.
 *
 * @param journeyTitle what the resident is doing, for the caption
 * @param startHref the journey's start address, which resumes the draft at its first unanswered page
 * @param action where the email form posts
 * @param email the address as typed, shown again only with its error
 * @param worksFor how long a link works, in words: "7 days"
 * @param expires when the link sent works until, in words, or null
 */
public record LaterPage(String journeyTitle, String startHref, String action, String email, PageErrors pageErrors,
        String worksFor, String expires) {

    public List<PageErrors.PageError> errors() {
        return pageErrors.errors();
    }

    /** The message for an input, or null. */
    public String error(String inputId) {
        return pageErrors.of(inputId);
    }

    public boolean hasErrors() {
        return pageErrors.any();
    }
}
