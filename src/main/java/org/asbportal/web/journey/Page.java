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
 */
public record Page<D>(String slug, String title, List<String> values, List<String> texts, List<String> lists,
        List<Repeat> repeats, Predicate<D> shownWhen, boolean checkAnswers) {

    /** A question page taking nothing yet. */
    public static <D> Page<D> question(String slug, String title) {
        return new Page<>(slug, title, List.of(), List.of(), List.of(), List.of(), d -> true, false);
    }

    /** The check-your-answers page: takes no answers, sends the draft. */
    public static <D> Page<D> checkAnswers(String slug, String title) {
        return new Page<>(slug, title, List.of(), List.of(), List.of(), List.of(), d -> true, true);
    }

    public Page<D> values(String... names) {
        return new Page<>(slug, title, plus(values, names), texts, lists, repeats, shownWhen, checkAnswers);
    }

    public Page<D> texts(String... names) {
        return new Page<>(slug, title, values, plus(texts, names), lists, repeats, shownWhen, checkAnswers);
    }

    public Page<D> lists(String... names) {
        return new Page<>(slug, title, values, texts, plus(lists, names), repeats, shownWhen, checkAnswers);
    }

    public Page<D> repeating(Repeat repeat) {
        List<Repeat> all = new ArrayList<>(repeats);
        all.add(repeat);
        return new Page<>(slug, title, values, texts, lists, List.copyOf(all), shownWhen, checkAnswers);
    }

    /** Asked only when {@code condition} holds for the answers so far. */
    public Page<D> when(Predicate<D> condition) {
        return new Page<>(slug, title, values, texts, lists, repeats, condition, checkAnswers);
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
