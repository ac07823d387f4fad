package org.asbportal.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

import org.asbportal.report.Channel;
import org.asbportal.web.journey.JourneyOutcome;
import org.asbportal.web.journey.JourneyPages;
import org.asbportal.web.journey.JourneyView;
import org.asbportal.web.journey.Journeys;

/**
 * The Community Trigger application on the journey engine: each page with the threshold terms and
 * the answers to check, sending from check your answers, and the confirmation read back from the
 * application saved with the draft's key.
 */
@ApplicationScoped
public class TriggerFormService {

    private final TriggerJourney journey;
    private final ThresholdRules rules;
    private final JourneyPages<TriggerDraft, TriggerPage, TriggerConfirmation> pages;

    public TriggerFormService(Journeys journeys, TriggerJourney journey, TriggerService applications, ThresholdRules rules) {
        this.journey = journey;
        this.rules = rules;
        this.pages = journeys.pages(journey, this::page,
                (draft, key, captchaToken, remoteIp) -> applications.submit(journey.toRequest(draft, captchaToken), key,
                        Channel.WEB, remoteIp),
                sent -> applications.submitted(sent.submissionKey())
                        .map(saved -> new TriggerConfirmation(saved, sent.draft().onBehalf())));
    }

    public JourneyPages<TriggerDraft, TriggerPage, TriggerConfirmation> pages() {
        return pages;
    }

    /**
     * Starts the application or resumes the draft; {@code reportReference}, when well formed, is
     * listed among the complaints.
     */
    /**
     * Starts (or resumes) an application; the reports named in {@code reportReferences} (from
     * {@code /track} or a report's confirmation, at most a few) are listed in it already.
     */
    public JourneyOutcome<TriggerPage> start(String token, List<String> reportReferences) {
        List<String> cited = reportReferences == null ? List.of()
                : reportReferences.stream().limit(MAX_CITED_FROM_LINK)
                        .filter(reference -> TriggerJourney.wellFormedReference(reference).isPresent()).toList();
        return pages.start(token, cited.isEmpty() ? null : draft -> cited.forEach(reference -> journey.cite(draft, reference)));
    }

    /** The most reports a link may list in a new application. */
    private static final int MAX_CITED_FROM_LINK = 5;

    private TriggerPage page(JourneyView<TriggerDraft> view) {
        return new TriggerPage(view, view.step().checkAnswers() ? journey.summary(view.draft()) : List.of(), rules.terms());
    }
}
