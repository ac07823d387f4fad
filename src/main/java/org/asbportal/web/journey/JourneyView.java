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
 * @param files the files kept with the draft, on a file page and check your answers
 */
public record JourneyView<D>(Journey<D> journey, Page<D> step, D draft, PageErrors pageErrors, boolean changing,
        String backHref, boolean restarted, List<DraftFiles.Listed> files) {

    /** Where a file page's multipart form posts: {@code {page}/files}. */
    public String filesAction() {
        return journey.pageUrl(step.slug()) + "/files" + (changing ? "?change=true" : "");
    }

    /** Where the page's form posts. */
    public String action() {
        return journey.pageUrl(step.slug()) + (changing ? "?change=true" : "");
    }

    /**
     * Where this page stands among the questions asked with the answers so far, "question 4 of 11";
     * null on the check-your-answers page. The count follows the answers (a resident who stays
     * anonymous is not asked for contact details), so it can change as they go.
     */
    public String progress() {
        if (step.checkAnswers()) {
            return null;
        }
        List<String> asked = journey.pages().stream()
                .filter(page -> !page.checkAnswers() && page.shownWhen().test(draft))
                .map(Page::slug)
                .toList();
        int position = asked.indexOf(step.slug());
        return position < 0 ? null : "question " + (position + 1) + " of " + asked.size();
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
