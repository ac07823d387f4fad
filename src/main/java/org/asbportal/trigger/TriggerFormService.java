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
    public JourneyOutcome<TriggerPage> start(String token, String reportReference) {
        boolean cites = TriggerJourney.wellFormedReference(reportReference).isPresent();
        return pages.start(token, cites ? draft -> journey.cite(draft, reportReference) : null);
    }

    private TriggerPage page(JourneyView<TriggerDraft> view) {
        return new TriggerPage(view, view.step().checkAnswers() ? journey.summary(view.draft()) : List.of(), rules.terms());
    }
}
