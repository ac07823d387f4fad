package org.asbportal.web.journey;

import java.util.List;

import org.asbportal.web.FieldError;

/**
 * A multi-page form declared as data for the {@link Journeys} engine: its pages in order (check your
 * answers last), each with the answers it takes and when it is asked, and the validation of the
 * whole draft, each error anchored to the page and input where it is put right. The engine gives
 * every page its own address under {@link #path()} and keeps the draft server-side.
 *
 * @param <D> the answers as typed: a plain class with public fields, stored as JSON
 */
public interface Journey<D> {

    /** Names the journey's drafts, e.g. {@code report}. */
    String name();

    /** What the resident is doing, as the service names it: "Report anti-social behaviour". */
    default String title() {
        return name();
    }

    /** Where its pages live: {@code /report} gives {@code /report/{page}}. */
    String path();

    Class<D> draftType();

    D newDraft();

    /** The pages in the order they are asked, the check-your-answers page last. */
    List<Page<D>> pages();

    /** Every problem with the answers. */
    List<FieldError> validate(D draft);

    /** Where a field of {@link #validate} is asked. */
    Anchor anchor(String field);

    /** What the check page says when the database could not take the submission. */
    String notSaved();

    /**
     * The answers once a page's inputs are bound, with what those inputs imply filled in: a place
     * chosen from a search gives its point and ward. The answers as they are by default.
     */
    default D bound(Page<D> page, D answers) {
        return answers;
    }

    /** Where the files of its file pages ({@link Page#files}) are kept; null when it has none. */
    default DraftFiles files() {
        return null;
    }

    /** The cookie that finds a resident's draft of this journey: {@code asb-NAME-draft}. */
    default String cookieName() {
        return "asb-" + name() + "-draft";
    }

    /** The address of a page. */
    default String pageUrl(String slug) {
        return path() + "/" + slug;
    }

    /** A check-your-answers row whose Change link opens {@code page} and comes back. */
    default SummaryRow row(String question, String answer, String page, String changeLabel) {
        return new SummaryRow(question, answer, pageUrl(page) + "?change=true", changeLabel);
    }

    /** Where a field is asked: the page, the input the error summary links to, its place on the page. */
    record Anchor(String page, String inputId, int order) {
    }

    /** One row of the check-your-answers page. */
    record SummaryRow(String question, String answer, String changeHref, String changeLabel) {
    }
}
