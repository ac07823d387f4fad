package org.asbportal.pledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores an assessment. Each question answered "yes" scores 2 points, "partly" 1 and "no" 0, out
 * of 2; "not applicable" counts neither for nor against. A question left unanswered scores 0 out of
 * 2 and is named as a gap. A section's percentage is its points over the points it could score,
 * rounded down; the overall percentage is the same over every section. Green from
 * {@code greenFrom} %, amber from {@code amberFrom} %, red below; a section whose every question
 * is not applicable is not scored.
 */
public final class PledgeScoring {

    public static final int MAX_POINTS = 2;

    public enum Rag {
        GREEN("Green"), AMBER("Amber"), RED("Red"), NOT_SCORED("Not scored");

        public final String label;

        Rag(String label) {
            this.label = label;
        }

        /** The GOV.UK tag colour it is shown in. */
        public String tagClass() {
            return switch (this) {
                case GREEN -> "govuk-tag--green";
                case AMBER -> "govuk-tag--yellow";
                case RED -> "govuk-tag--red";
                case NOT_SCORED -> "govuk-tag--grey";
            };
        }
    }

    /** A question with its answer, or a null answer when it has not been answered. */
    public record Item(Long questionId, String area, String text, String suggestedAction, Answer answer) {
    }

    public record SectionInput(String code, String title, List<Item> items) {
    }

    /** A question answered "no" or "partly", or not answered, with the action suggested for it. */
    public record Gap(Long questionId, String sectionCode, String area, String text, Answer answer, String suggestedAction) {

        public boolean unanswered() {
            return answer == null;
        }

        public String questionKey() {
            return String.valueOf(questionId);
        }

        public String answerLabel() {
            return answer == null ? "Not answered" : answer.label;
        }
    }

    public record SectionScore(String code, String title, int earned, int possible, Integer percent, Rag rag,
            List<Gap> gaps) {

        public long unanswered() {
            return gaps.stream().filter(Gap::unanswered).count();
        }
    }

    public record Score(List<SectionScore> sections, int earned, int possible, Integer percent, Rag rag) {

        public List<Gap> gaps() {
            return sections.stream().flatMap(s -> s.gaps().stream()).toList();
        }

        public SectionScore section(String code) {
            return sections.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
        }
    }

    private final int greenFrom;
    private final int amberFrom;

    public PledgeScoring(int greenFrom, int amberFrom) {
        if (amberFrom < 0 || greenFrom > 100 || amberFrom > greenFrom) {
            throw new IllegalArgumentException("asb.pledge: 0 <= amber-from <= green-from <= 100 is required, got amber "
                    + amberFrom + " and green " + greenFrom);
        }
        this.greenFrom = greenFrom;
        this.amberFrom = amberFrom;
    }

    public int greenFrom() {
        return greenFrom;
    }

    public int amberFrom() {
        return amberFrom;
    }

    public Score score(List<SectionInput> sections) {
        List<SectionScore> scores = new ArrayList<>();
        int earned = 0;
        int possible = 0;
        for (SectionInput section : sections) {
            SectionScore score = section(section);
            scores.add(score);
            earned += score.earned();
            possible += score.possible();
        }
        Integer percent = percent(earned, possible);
        return new Score(List.copyOf(scores), earned, possible, percent, rag(percent));
    }

    private SectionScore section(SectionInput section) {
        int earned = 0;
        int possible = 0;
        List<Gap> gaps = new ArrayList<>();
        for (Item item : section.items()) {
            Answer answer = item.answer();
            if (answer != null && !answer.scored()) {
                continue;
            }
            possible += MAX_POINTS;
            if (answer != null) {
                earned += answer.points;
            }
            if (answer == null || answer.points < MAX_POINTS) {
                gaps.add(new Gap(item.questionId(), section.code(), item.area(), item.text(), answer, item.suggestedAction()));
            }
        }
        Integer percent = percent(earned, possible);
        return new SectionScore(section.code(), section.title(), earned, possible, percent, rag(percent), List.copyOf(gaps));
    }

    /** Rounded down, so that a rating never claims more than was earned; null when nothing could be scored. */
    private static Integer percent(int earned, int possible) {
        return possible == 0 ? null : earned * 100 / possible;
    }

    public Rag rag(Integer percent) {
        if (percent == null) {
            return Rag.NOT_SCORED;
        }
        if (percent >= greenFrom) {
            return Rag.GREEN;
        }
        return percent >= amberFrom ? Rag.AMBER : Rag.RED;
    }
}
