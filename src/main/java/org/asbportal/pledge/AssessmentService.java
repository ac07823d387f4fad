package org.asbportal.pledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.asbportal.web.Calendar;
import org.asbportal.web.DateInput;
import org.asbportal.pledge.AssessmentViews.ActionView;
import org.asbportal.pledge.AssessmentViews.AnswerInput;
import org.asbportal.pledge.AssessmentViews.Assessment;
import org.asbportal.pledge.AssessmentViews.Progress;
import org.asbportal.pledge.AssessmentViews.QuestionView;
import org.asbportal.pledge.AssessmentViews.ReviewView;
import org.asbportal.pledge.AssessmentViews.SectionComment;
import org.asbportal.pledge.AssessmentViews.SectionView;
import org.asbportal.pledge.AssessmentViews.Signature;
import org.asbportal.pledge.AssessmentViews.Summary;
import org.asbportal.pledge.PledgeScoring.Item;
import org.asbportal.pledge.PledgeScoring.Score;
import org.asbportal.pledge.PledgeScoring.SectionInput;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;

/**
 * An organisation's assessments: start one on the latest questionnaire, save answers section by
 * section, score them, plan actions, sign and submit. Every method takes the organisation asking,
 * and an assessment of another organisation is answered as if it did not exist.
 */
@ApplicationScoped
public class AssessmentService {

    static final String NOT_FOUND = "No assessment with that number among your organisation's";

    public record ActionForm(String questionId, String description, String owner, String day, String month, String year) {
    }

    public record SignForm(String name, String role, boolean confirm, boolean listPublicly) {
    }

    private final PledgeScoring scoring;

    private final Calendar calendar;

    public AssessmentService(PledgeConfig config, Calendar calendar) {
        this.calendar = calendar;
        this.scoring = new PledgeScoring(config.greenFrom(), config.amberFrom());
    }

    public PledgeScoring scoring() {
        return scoring;
    }

    @Transactional
    public List<Summary> list(Long organisationId) {
        return PledgeAssessment.ofOrganisation(organisationId).stream().map(AssessmentService::summary).toList();
    }

    /**
     * Starts an assessment on the latest questionnaire, compared with the organisation's latest
     * submitted one. While one is still being filled in, that one is returned instead.
     */
    @Transactional
    public Long start(Long organisationId) {
        List<PledgeAssessment> all = PledgeAssessment.ofOrganisation(organisationId);
        Optional<PledgeAssessment> open = all.stream().filter(a -> a.status.editable()).findFirst();
        if (open.isPresent()) {
            return open.get().id;
        }
        PledgeAssessment assessment = new PledgeAssessment();
        assessment.organisation = PledgeOrganisation.findById(organisationId);
        assessment.questionnaire = PledgeQuestionnaire.latest().orElseThrow(() -> new IllegalStateException("No questionnaire published"));
        assessment.previous = all.stream().filter(a -> a.submittedAt != null).findFirst().orElse(null);
        assessment.status = AssessmentStatus.DRAFT;
        assessment.createdAt = calendar.now();
        assessment.persist();
        return assessment.id;
    }

    @Transactional
    public Assessment view(Long organisationId, Long id) {
        return view(owned(organisationId, id));
    }

    /**
     * Saves the answers given, leaving the others as they were. Answers may be left blank and come
     * back to; a blank answer is counted as a gap until it is answered.
     */
    @Transactional
    public void save(Long organisationId, Long id, List<AnswerInput> inputs) {
        PledgeAssessment assessment = owned(organisationId, id);
        requireEditable(assessment);
        Map<Long, PledgeQuestion> questions = new HashMap<>();
        assessment.questionnaire.sections.forEach(s -> s.questions.forEach(q -> questions.put(q.id, q)));
        List<FieldError> errors = new ArrayList<>();
        if (inputs.contains(null)) {
            throw new InvalidSubmissionException("answers", "Each answer must be an object with a questionId");
        }
        for (AnswerInput input : inputs) {
            if (input.questionId() == null || !questions.containsKey(input.questionId())) {
                errors.add(new FieldError("questionId", "Question " + input.questionId() + " is not part of this assessment"));
                continue;
            }
            validate(input, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        Map<Long, PledgeAnswer> existing = new HashMap<>();
        PledgeAnswer.of(id).forEach(a -> existing.put(a.question.id, a));
        Instant now = calendar.now();
        for (AnswerInput input : inputs) {
            PledgeAnswer answer = existing.get(input.questionId());
            if (answer == null) {
                answer = new PledgeAnswer();
                answer.assessment = assessment;
                answer.question = questions.get(input.questionId());
            }
            answer.answer = Answer.parse(input.answer());
            answer.evidence = blankToNull(input.evidence());
            answer.evidenceLink = blankToNull(input.evidenceLink());
            answer.note = blankToNull(input.note());
            answer.updatedAt = now;
            answer.persist();
        }
    }

    /** The section's code after {@code code}, or null after the last. */
    @Transactional
    public String nextSection(Long organisationId, Long id, String code) {
        List<PledgeSection> sections = owned(organisationId, id).questionnaire.sections;
        for (int i = 0; i < sections.size() - 1; i++) {
            if (sections.get(i).code.equals(code)) {
                return sections.get(i + 1).code;
            }
        }
        return null;
    }

    @Transactional
    public void addAction(Long organisationId, Long id, ActionForm form) {
        PledgeAssessment assessment = owned(organisationId, id);
        requireEditable(assessment);
        List<FieldError> errors = new ArrayList<>();
        PledgeQuestion question = null;
        try {
            Long questionId = Long.valueOf(form.questionId() == null ? "" : form.questionId().strip());
            question = assessment.questionnaire.sections.stream().flatMap(s -> s.questions.stream())
                    .filter(q -> q.id.equals(questionId)).findFirst().orElse(null);
        } catch (NumberFormatException e) {
            question = null;
        }
        if (question == null) {
            errors.add(new FieldError("questionId", "Select the gap this action closes"));
        }
        String typed = form.description() == null || form.description().isBlank()
                ? (question == null ? null : question.suggestedAction) : form.description();
        String description = PledgeAccessService.required(typed, 1000, "description",
                "Enter what you will do", "What you will do must be 1,000 characters or fewer", errors);
        String owner = PledgeAccessService.required(form.owner(), 200, "owner",
                "Enter who owns this action", "The owner must be 200 characters or fewer", errors);
        LocalDate target = targetDate(form, errors);
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        PledgeAction action = new PledgeAction();
        action.assessment = assessment;
        action.question = question;
        action.description = description;
        action.owner = owner;
        action.targetDate = target;
        action.createdAt = calendar.now();
        action.persist();
    }

    /** Signs the PLEDGE and submits the assessment for review; every question must have an answer. */
    @Transactional
    public void submit(Long organisationId, Long id, SignForm form) {
        PledgeAssessment assessment = owned(organisationId, id);
        requireEditable(assessment);
        List<FieldError> errors = new ArrayList<>();
        long unanswered = view(assessment).unanswered();
        if (unanswered > 0) {
            errors.add(new FieldError("answers", unanswered == 1 ? "Answer the 1 question not yet answered before you submit"
                    : "Answer the " + unanswered + " questions not yet answered before you submit"));
        }
        String name = PledgeAccessService.required(form.name(), 200, "signedName", "Enter the name of the person signing",
                "The name must be 200 characters or fewer", errors);
        String role = PledgeAccessService.required(form.role(), 200, "signedRole", "Enter their role in the organisation",
                "The role must be 200 characters or fewer", errors);
        if (!form.confirm()) {
            errors.add(new FieldError("confirm", "Confirm that you sign the PLEDGE on behalf of your organisation"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        assessment.signedName = name;
        assessment.signedRole = role;
        assessment.signedOn = calendar.today();
        assessment.listPublicly = form.listPublicly();
        assessment.submittedAt = calendar.now();
        assessment.status = AssessmentStatus.SUBMITTED;
    }

    /**
     * The section as typed, for a post that came after the session ended: built from the questions
     * posted, which are public (the questionnaire is published), so nothing about any assessment is
     * shown. Empty of questions when none posted belongs to a section of that code.
     */
    @Transactional
    public SectionView typedSection(String code, List<AnswerInput> inputs) {
        PledgeSection section = inputs.stream().map(i -> PledgeQuestion.<PledgeQuestion>findById(i.questionId()))
                .filter(q -> q != null && q.section.code.equals(code)).map(q -> q.section).findFirst().orElse(null);
        if (section == null) {
            return new SectionView(null, code, "Your answers", "", List.of());
        }
        List<QuestionView> questions = section.questions.stream().map(q -> new QuestionView(q.id, q.code, q.area, q.text,
                q.hint, q.suggestedAction, inputs.stream().filter(i -> i.questionId().equals(q.id)).findFirst()
                        .orElse(AnswerInput.empty(q.id)))).toList();
        return new SectionView(section.id, section.code, section.title, section.description, questions);
    }

    PledgeAssessment owned(Long organisationId, Long id) {
        return PledgeAssessment.findOwned(organisationId, id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    private static void requireEditable(PledgeAssessment assessment) {
        if (!assessment.status.editable()) {
            throw new InvalidSubmissionException("status", "This assessment has been submitted and can no longer be changed");
        }
    }

    /** The assessment as its pages show it, scored against its own questionnaire version. */
    Assessment view(PledgeAssessment assessment) {
        Map<Long, PledgeAnswer> answers = new HashMap<>();
        PledgeAnswer.of(assessment.id).forEach(a -> answers.put(a.question.id, a));
        List<SectionView> sections = new ArrayList<>();
        for (PledgeSection section : assessment.questionnaire.sections) {
            List<QuestionView> questions = section.questions.stream().map(q -> {
                PledgeAnswer a = answers.get(q.id);
                AnswerInput input = a == null ? AnswerInput.empty(q.id)
                        : new AnswerInput(q.id, a.answer == null ? null : a.answer.name(), a.evidence, a.evidenceLink, a.note);
                return new QuestionView(q.id, q.code, q.area, q.text, q.hint, q.suggestedAction, input);
            }).toList();
            sections.add(new SectionView(section.id, section.code, section.title, section.description, questions));
        }
        Score score = score(sections);
        List<ActionView> actions = PledgeAction.of(assessment.id).stream()
                .map(a -> new ActionView(a.id, a.question.id, a.question.area, a.description, a.owner, a.targetDate)).toList();
        List<ReviewView> reviews = PledgeReview.of(assessment.id).stream().map(r -> new ReviewView(r.decision, r.feedback,
                r.reviewer, r.decidedAt, PledgeReviewComment.of(r.id).stream()
                        .map(c -> new SectionComment(c.section.title, c.comment)).toList())).toList();
        List<Progress> progress = assessment.previous == null ? List.of() : progress(view(assessment.previous).score(), score, sections);
        Signature signature = assessment.signedName == null ? null
                : new Signature(assessment.signedName, assessment.signedRole, assessment.signedOn);
        return new Assessment(assessment.id, assessment.reference(), assessment.organisation.name,
                assessment.organisation.type.label, assessment.status, assessment.questionnaire.version,
                assessment.questionnaire.title, assessment.createdAt, assessment.submittedAt, signature,
                assessment.listPublicly, sections, score, actions, reviews, progress,
                assessment.previous == null ? null : assessment.previous.id, assessment.version);
    }

    private Score score(List<SectionView> sections) {
        return scoring.score(sections.stream().map(s -> new SectionInput(s.code(), s.title(), s.questions().stream()
                .map(q -> new Item(q.id(), q.area(), q.text(), q.suggestedAction(), Answer.parse(q.input().answer())))
                .toList())).toList());
    }

    private static List<Progress> progress(Score before, Score now, List<SectionView> sections) {
        return sections.stream().map(s -> {
            PledgeScoring.SectionScore then = before.section(s.code());
            return new Progress(s.code(), s.title(), then == null ? null : then.percent(), now.section(s.code()).percent());
        }).toList();
    }

    static Summary summary(PledgeAssessment a) {
        return new Summary(a.id, a.reference(), a.organisation.name, a.status, a.questionnaire.version, a.createdAt, a.submittedAt);
    }

    private static void validate(AnswerInput input, List<FieldError> errors) {
        String suffix = "-" + input.questionId();
        if (input.answer() != null && !input.answer().isBlank() && Answer.parse(input.answer()) == null) {
            errors.add(new FieldError("answer" + suffix, "Select yes, partly, no or not applicable"));
        }
        if (input.evidence() != null && input.evidence().strip().length() > 4000) {
            errors.add(new FieldError("evidence" + suffix, "Evidence must be 4,000 characters or fewer"));
        }
        if (input.note() != null && input.note().strip().length() > 2000) {
            errors.add(new FieldError("note" + suffix, "The note must be 2,000 characters or fewer"));
        }
        String link = input.evidenceLink() == null ? "" : input.evidenceLink().strip();
        if (!link.isEmpty() && !validLink(link)) {
            errors.add(new FieldError("link" + suffix, "Enter a web address starting with https:// or http://, like https://www.example.gov.uk/community-trigger"));
        }
    }

    static boolean validLink(String link) {
        if (link.length() > 500) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getHost().contains(".");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private LocalDate targetDate(ActionForm form, List<FieldError> errors) {
        LocalDate date = DateInput.required(DateInput.read(form.day(), form.month(), form.year(), "the target date"),
                "targetDate", "the target date", errors);
        if (date == null) {
            return null;
        }
        if (date.isBefore(calendar.today())) {
            errors.add(new FieldError("targetDate", "The target date must be today or in the future"));
            return null;
        }
        if (date.isAfter(calendar.today().plusYears(10))) {
            errors.add(new FieldError("targetDate", "The target date must be within the next 10 years"));
            return null;
        }
        return date;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
