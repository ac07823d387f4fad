package org.asbportal.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;

import org.asbportal.report.Channel;
import org.asbportal.web.journey.JourneyOutcome;
import org.asbportal.web.journey.JourneyView;
import org.asbportal.web.journey.Journeys;

/**
 * The Community Trigger application on the journey engine: each page with the threshold terms and
 * the answers to check, sending from check your answers, and the confirmation read back from the
 * application saved with the draft's key.
 */
@ApplicationScoped
public class TriggerFormService {

    private final Journeys journeys;
    private final TriggerJourney journey;
    private final TriggerService applications;
    private final ThresholdRules rules;

    public TriggerFormService(Journeys journeys, TriggerJourney journey, TriggerService applications, ThresholdRules rules) {
        this.journeys = journeys;
        this.journey = journey;
        this.applications = applications;
        this.rules = rules;
    }

    public TriggerJourney journey() {
        return journey;
    }

    /**
     * Starts the application or resumes the draft; {@code reportReference}, when well formed, is
     * listed among the complaints.
     */
    public JourneyOutcome<TriggerPage> start(String token, String reportReference) {
        boolean cites = TriggerJourney.wellFormedReference(reportReference).isPresent();
        return journeys.start(journey, token, cites ? draft -> journey.cite(draft, reportReference) : null).map(this::page);
    }

    public JourneyOutcome<TriggerPage> show(String token, String slug, boolean changing, boolean restarted) {
        return journeys.show(journey, token, slug, changing, restarted).map(this::page);
    }

    public JourneyOutcome<TriggerPage> save(String token, String slug, MultivaluedMap<String, String> form, boolean changing) {
        return journeys.save(journey, token, slug, form, changing).map(this::page);
    }

    /** Sends the application from check your answers; a refresh or double submit saves it once. */
    public JourneyOutcome<TriggerPage> send(String token, String captchaToken, String remoteIp) {
        return journeys.send(journey, token, (draft, key) ->
                applications.submit(journey.toRequest(draft, captchaToken), key, Channel.WEB, remoteIp)).map(this::page);
    }

    /** The confirmation of the application sent with the draft behind {@code token}. */
    public Optional<TriggerConfirmation> confirmation(String token) {
        return journeys.sent(journey, token).flatMap(sent -> applications.submitted(sent.submissionKey())
                .map(saved -> new TriggerConfirmation(saved, sent.draft().onBehalf())));
    }

    private TriggerPage page(JourneyView<TriggerDraft> view) {
        return new TriggerPage(view, view.step().checkAnswers() ? journey.summary(view.draft()) : List.of(), rules.terms());
    }
}
