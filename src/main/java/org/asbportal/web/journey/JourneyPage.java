package org.asbportal.web.journey;

import java.util.List;

import org.asbportal.web.PageErrors;

/**
 * What every page of a journey offers its template, from the engine's {@link JourneyView}: a
 * feature's page view implements it and adds what only the feature knows.
 */
public interface JourneyPage<D> {

    JourneyView<D> view();

    default Page<D> step() {
        return view().step();
    }

    default D draft() {
        return view().draft();
    }

    /** "question 4 of 11", or null on the check-your-answers page. */
    default String progress() {
        return view().progress();
    }

    /** The caption above the question: the journey's name and, on a question, how far through it is. */
    default String captionWithProgress(String journeyName) {
        String progress = progress();
        return progress == null ? journeyName : journeyName + ": " + progress;
    }

    /** Where the page's form posts. */
    default String action() {
        return view().action();
    }

    /** Where a file page's multipart form posts. */
    default String filesAction() {
        return view().filesAction();
    }

    /** The files kept with the draft so far (on a file page and check your answers). */
    default List<DraftFiles.Listed> files() {
        return view().files();
    }

    /** The previous page, or null on the first. */
    default String backHref() {
        return view().backHref();
    }

    /** The earlier answers were not found: the page says so. */
    default boolean restarted() {
        return view().restarted();
    }

    default List<PageErrors.PageError> errors() {
        return view().errors();
    }

    /** The message for an input, or null. */
    default String error(String inputId) {
        return view().error(inputId);
    }

    default boolean hasErrors() {
        return view().hasErrors();
    }
}
