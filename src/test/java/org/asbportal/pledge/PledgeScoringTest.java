package org.asbportal.pledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.asbportal.pledge.PledgeScoring.Gap;
import org.asbportal.pledge.PledgeScoring.Item;
import org.asbportal.pledge.PledgeScoring.Rag;
import org.asbportal.pledge.PledgeScoring.Score;
import org.asbportal.pledge.PledgeScoring.SectionInput;
import org.junit.jupiter.api.Test;

class PledgeScoringTest {

    private final PledgeScoring scoring = new PledgeScoring(80, 50);
    private long nextId = 1;

    @Test
    void allYesScoresFullMarksGreenWithNoGaps() {
        Score score = scoring.score(List.of(section("a", Answer.YES, Answer.YES), section("b", Answer.YES)));
        assertEquals(6, score.earned());
        assertEquals(6, score.possible());
        assertEquals(100, score.percent());
        assertEquals(Rag.GREEN, score.rag());
        assertEquals(Rag.GREEN, score.section("a").rag());
        assertEquals(List.of(), score.gaps());
    }

    @Test
    void allNoScoresNothingRedAndEveryQuestionIsAGapWithItsSuggestedAction() {
        Score score = scoring.score(List.of(section("a", Answer.NO, Answer.NO)));
        assertEquals(0, score.percent());
        assertEquals(Rag.RED, score.rag());
        assertEquals(2, score.gaps().size());
        assertTrue(score.gaps().stream().allMatch(g -> g.suggestedAction().startsWith("Do something about")));
        assertTrue(score.gaps().stream().allMatch(g -> g.answer() == Answer.NO));
    }

    @Test
    void mixedAnswersScoreTwoOneAndZeroPerSectionAndOverall() {
        // a: yes + partly = 3 of 4 = 75% amber; b: partly + no = 1 of 4 = 25% red; overall 4 of 8 = 50% amber
        Score score = scoring.score(List.of(section("a", Answer.YES, Answer.PARTLY), section("b", Answer.PARTLY, Answer.NO)));
        assertEquals(3, score.section("a").earned());
        assertEquals(75, score.section("a").percent());
        assertEquals(Rag.AMBER, score.section("a").rag());
        assertEquals(25, score.section("b").percent());
        assertEquals(Rag.RED, score.section("b").rag());
        assertEquals(4, score.earned());
        assertEquals(8, score.possible());
        assertEquals(50, score.percent());
        assertEquals(Rag.AMBER, score.rag());
        assertEquals(List.of(Answer.PARTLY, Answer.PARTLY, Answer.NO), score.gaps().stream().map(Gap::answer).toList());
    }

    @Test
    void notApplicableIsLeftOutOfBothSidesOfTheScore() {
        Score score = scoring.score(List.of(section("a", Answer.YES, Answer.NOT_APPLICABLE, Answer.PARTLY)));
        assertEquals(3, score.earned());
        assertEquals(4, score.possible());
        assertEquals(75, score.percent());
        assertEquals(1, score.gaps().size(), "not applicable is no gap");
    }

    @Test
    void aSectionWhollyNotApplicableIsNotScoredAndLeavesTheOverallScoreAlone() {
        Score score = scoring.score(List.of(section("a", Answer.NOT_APPLICABLE, Answer.NOT_APPLICABLE), section("b", Answer.YES)));
        assertNull(score.section("a").percent());
        assertEquals(Rag.NOT_SCORED, score.section("a").rag());
        assertEquals(100, score.percent());
        assertEquals(Rag.GREEN, score.rag());
    }

    @Test
    void everythingNotApplicableIsNotScoredOverall() {
        Score score = scoring.score(List.of(section("a", Answer.NOT_APPLICABLE)));
        assertNull(score.percent());
        assertEquals(Rag.NOT_SCORED, score.rag());
    }

    @Test
    void unansweredQuestionsScoreZeroAndAreNamedAsGaps() {
        Score score = scoring.score(List.of(section("a", Answer.YES, null)));
        assertEquals(2, score.earned());
        assertEquals(4, score.possible());
        assertEquals(1, score.section("a").unanswered());
        Gap gap = score.gaps().get(0);
        assertTrue(gap.unanswered());
        assertEquals("Not answered", gap.answerLabel());
        assertEquals("Area 2", gap.area());
    }

    @Test
    void ratingBoundariesAreInclusiveAndPercentagesRoundDown() {
        assertEquals(Rag.GREEN, scoring.rag(80));
        assertEquals(Rag.AMBER, scoring.rag(79));
        assertEquals(Rag.AMBER, scoring.rag(50));
        assertEquals(Rag.RED, scoring.rag(49));
        // five yes, one partly and one no: 11 of 14 points, 78.57%, shown as 78% and amber
        Score score = scoring.score(List.of(section("a", Answer.YES, Answer.YES, Answer.YES, Answer.YES, Answer.YES,
                Answer.PARTLY, Answer.NO)));
        assertEquals(78, score.percent());
        assertEquals(Rag.AMBER, score.rag());
    }

    @Test
    void thresholdsAreConfigurable() {
        PledgeScoring strict = new PledgeScoring(90, 70);
        assertEquals(Rag.AMBER, strict.rag(85));
        assertEquals(Rag.RED, strict.rag(65));
        assertThrows(IllegalArgumentException.class, () -> new PledgeScoring(40, 60));
    }

    private SectionInput section(String code, Answer... answers) {
        List<Item> items = new ArrayList<>();
        int n = 1;
        for (Answer answer : answers) {
            items.add(new Item(nextId++, "Area " + n, "Question " + n, "Do something about area " + n, answer));
            n++;
        }
        return new SectionInput(code, "Section " + code, items);
    }
}
