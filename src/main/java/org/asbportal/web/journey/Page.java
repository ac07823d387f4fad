package org.asbportal.web.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A page of a {@link Journey}: its address ({@code slug}), its title, the answers it takes (each a
 * property of the draft named like its input), the entries it repeats, and when it is asked.
 *
 * @param values inputs kept stripped, empty as absent
 * @param texts inputs kept exactly as typed (free text)
 * @param lists inputs that may be sent many times (checkboxes)
 * @param repeats entries added and removed with buttons, at most {@link Repeat#max()} of each
 * @param shownWhen whether the page is asked, given the answers so far
 * @param checkAnswers whether this is the check-your-answers page that sends the draft
 * @param fileInput the file input of a page that takes files ({@link Journey#files()}), or null
 */
public record Page<D>(String slug, String title, List<String> values, List<String> texts, List<String> lists,
        List<Repeat> repeats, Predicate<D> shownWhen, boolean checkAnswers, String fileInput) {

    /** A question page taking nothing yet. */
    public static <D> Page<D> question(String slug, String title) {
        return new Page<>(slug, title, List.of(), List.of(), List.of(), List.of(), d -> true, false, null);
    }

    /** The check-your-answers page: takes no answers, sends the draft. */
    public static <D> Page<D> checkAnswers(String slug, String title) {
        return new Page<>(slug, title, List.of(), List.of(), List.of(), List.of(), d -> true, true, null);
    }

    public Page<D> values(String... names) {
        return new Page<>(slug, title, plus(values, names), texts, lists, repeats, shownWhen, checkAnswers, fileInput);
    }

    public Page<D> texts(String... names) {
        return new Page<>(slug, title, values, plus(texts, names), lists, repeats, shownWhen, checkAnswers, fileInput);
    }

    public Page<D> lists(String... names) {
        return new Page<>(slug, title, values, texts, plus(lists, names), repeats, shownWhen, checkAnswers, fileInput);
    }

    public Page<D> repeating(Repeat repeat) {
        List<Repeat> all = new ArrayList<>(repeats);
        all.add(repeat);
        return new Page<>(slug, title, values, texts, lists, List.copyOf(all), shownWhen, checkAnswers, fileInput);
    }

    /** Asked only when {@code condition} holds for the answers so far. */
    public Page<D> when(Predicate<D> condition) {
        return new Page<>(slug, title, values, texts, lists, repeats, condition, checkAnswers, fileInput);
    }

    /**
     * A page that also takes files, one at a time through the input {@code name}, kept with the draft
     * by the journey's {@link Journey#files()}: its form is multipart and posts to {@code {page}/files}.
     */
    public Page<D> files(String name) {
        return new Page<>(slug, title, values, texts, lists, repeats, shownWhen, checkAnswers, name);
    }

    public boolean takesFiles() {
        return fileInput != null;
    }

    public boolean shownFor(D draft) {
        return shownWhen.test(draft);
    }

    private static List<String> plus(List<String> list, String... names) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(names));
        return List.copyOf(all);
    }
}
