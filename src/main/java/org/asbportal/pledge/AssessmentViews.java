package org.asbportal.pledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.asbportal.pledge.PledgeScoring.Gap;
import org.asbportal.pledge.PledgeScoring.Score;
import org.asbportal.pledge.PledgeScoring.SectionScore;

/** What the assessment pages, the report and the JSON API show. */
public final class AssessmentViews {

    private AssessmentViews() {
    }

    /** An answer as typed, kept as text so that a form with problems shows exactly what was sent. */
    public record AnswerInput(Long questionId, String answer, String evidence, String evidenceLink, String note) {

        public static AnswerInput empty(Long questionId) {
            return new AnswerInput(questionId, null, null, null, null);
        }
    }

    public record QuestionView(Long id, String code, String area, String text, String hint, String suggestedAction,
            AnswerInput input) {

        /** The names of the question's form fields, also the ids its errors link to. */
        public String answerField() {
            return "answer-" + id;
        }

        public String evidenceField() {
            return "evidence-" + id;
        }

        public String linkField() {
            return "link-" + id;
        }

        public String noteField() {
            return "note-" + id;
        }

        public String answerLabel() {
            Answer answer = Answer.parse(input.answer());
            return answer == null ? "Not answered" : answer.label;
        }
    }

    public record SectionView(Long id, String code, String title, String description, List<QuestionView> questions) {

        /** The reviewer's comment field for the section. */
        public String commentField() {
            return "comment-" + id;
        }

        public long answered() {
            return questions.stream().filter(q -> Answer.parse(q.input().answer()) != null).count();
        }

        /** The GOV.UK task list status. */
        public String state() {
            long answered = answered();
            if (answered == 0) {
                return "Not started";
            }
            return answered == questions.size() ? "Completed" : "In progress";
        }

        public boolean complete() {
            return answered() == questions.size();
        }
    }

    public record ActionView(Long id, Long questionId, String area, String description, String owner, LocalDate targetDate) {
    }

    public record ReviewView(String decision, String feedback, String reviewer, Instant decidedAt, List<SectionComment> comments) {

        public boolean accepted() {
            return "ACCEPTED".equals(decision);
        }
    }

    public record SectionComment(String sectionTitle, String comment) {
    }

    /** A section's percentage in the previous submitted assessment, beside this one's. */
    public record Progress(String code, String title, Integer before, Integer now) {

        public String change() {
            if (before == null || now == null) {
                return "Not compared";
            }
            int delta = now - before;
            return delta == 0 ? "No change" : (delta > 0 ? "Up " + delta + " points" : "Down " + (-delta) + " points");
        }
    }

    public record Signature(String name, String role, LocalDate signedOn) {
    }

    /** Everything about one assessment the organisation (or a reviewer) may see. */
    public record Assessment(Long id, String reference, String organisationName, String organisationType,
            AssessmentStatus status, int questionnaireVersion, String questionnaireTitle, Instant createdAt,
            Instant submittedAt, Signature signature, boolean listPublicly, List<SectionView> sections, Score score,
            List<ActionView> actions, List<ReviewView> reviews, List<Progress> progress, Long previousId, int version) {

        public boolean editable() {
            return status.editable();
        }

        public boolean complete() {
            return sections.stream().allMatch(SectionView::complete);
        }

        public long completedSections() {
            return sections.stream().filter(SectionView::complete).count();
        }

        public long unanswered() {
            return sections.stream().mapToLong(s -> s.questions().size() - s.answered()).sum();
        }

        public SectionView section(String code) {
            return sections.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
        }

        public SectionScore scoreOf(String code) {
            return score.section(code);
        }

        public List<Gap> gaps() {
            return score.gaps();
        }

        public List<ActionView> actionsFor(Long questionId) {
            return actions.stream().filter(a -> a.questionId().equals(questionId)).toList();
        }

        public ReviewView lastReview() {
            return reviews.isEmpty() ? null : reviews.get(0);
        }
    }

    /** A line of the organisation's list of assessments, or of the reviewers' queue. */
    public record Summary(Long id, String reference, String organisationName, AssessmentStatus status,
            int questionnaireVersion, Instant createdAt, Instant submittedAt) {
    }

    public record SignedOrganisation(String name, String type, LocalDate signedOn) {
    }
}
