package org.asbportal.pledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

import org.asbportal.web.Calendar;

/**
 * The published versions of the questionnaire. Publishing adds a version with its own sections and
 * questions; no version is ever changed, so every assessment keeps the questions it was answered on.
 */
@ApplicationScoped
public class QuestionnaireService {

    @jakarta.inject.Inject
    Calendar calendar;

    public record QuestionDefinition(String code, String area, String text, String hint, String suggestedAction) {
    }

    public record SectionDefinition(String code, String title, String description, List<QuestionDefinition> questions) {
    }

    /** The JSON of a version: ids of questions are what answers are given against. */
    public record QuestionnaireJson(int version, String title, Instant publishedAt, List<SectionJson> sections) {
    }

    public record SectionJson(String code, String title, String description, List<QuestionJson> questions) {
    }

    public record QuestionJson(Long id, String code, String area, String text, String hint, String suggestedAction) {
    }

    @Transactional
    public QuestionnaireJson current() {
        return json(PledgeQuestionnaire.latest().orElseThrow(() -> new IllegalStateException("No questionnaire published")));
    }

    /** Publishes the next version; returns its number. */
    @Transactional
    public int publish(String title, List<SectionDefinition> sections) {
        PledgeQuestionnaire questionnaire = new PledgeQuestionnaire();
        questionnaire.version = PledgeQuestionnaire.latest().map(q -> q.version + 1).orElse(1);
        questionnaire.title = title;
        questionnaire.publishedAt = calendar.now();
        questionnaire.persist();
        int position = 1;
        for (SectionDefinition definition : sections) {
            PledgeSection section = new PledgeSection();
            section.questionnaire = questionnaire;
            section.position = position++;
            section.code = definition.code();
            section.title = definition.title();
            section.description = definition.description();
            section.persist();
            int order = 1;
            for (QuestionDefinition q : definition.questions()) {
                PledgeQuestion question = new PledgeQuestion();
                question.section = section;
                question.position = order++;
                question.code = q.code();
                question.area = q.area();
                question.text = q.text();
                question.hint = q.hint();
                question.suggestedAction = q.suggestedAction();
                question.persist();
            }
        }
        return questionnaire.version;
    }

    private static QuestionnaireJson json(PledgeQuestionnaire q) {
        return new QuestionnaireJson(q.version, q.title, q.publishedAt, q.sections.stream()
                .map(s -> new SectionJson(s.code, s.title, s.description, s.questions.stream()
                        .map(x -> new QuestionJson(x.id, x.code, x.area, x.text, x.hint, x.suggestedAction)).toList()))
                .toList());
    }
}
