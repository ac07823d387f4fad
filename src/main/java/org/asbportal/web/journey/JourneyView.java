package org.asbportal.web.journey;

import java.util.List;

import org.asbportal.web.PageErrors;

/**
 * What a page of a journey shows: the page, the answers so far, the errors of its questions, where
 * its form posts and where Back goes. A feature's page view adds what only it knows.
 *
 * @param changing the page was opened by a Change link: saving it returns to check your answers
 * @param backHref the previous page asked, or null on the first page
 * @param restarted the resident's earlier answers had expired or could not be found: say so
 */
public record JourneyView<D>(Journey<D> journey, Page<D> step, D draft, PageErrors pageErrors, boolean changing,
        String backHref, boolean restarted) {

    /** Where the page's form posts. */
    public String action() {
        return journey.pageUrl(step.slug()) + (changing ? "?change=true" : "");
    }

    /** The message for an input, or null. */
    public String error(String inputId) {
        return pageErrors.of(inputId);
    }

    public List<PageErrors.PageError> errors() {
        return pageErrors.errors();
    }

    public boolean hasErrors() {
        return pageErrors.any();
    }
}
