package org.asbportal.web.journey;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.asbportal.web.UploadedFile;

/**
 * A feature's journey as its resource serves it: the engine running the declared {@link Journey},
 * the view each page gets ({@code P}), how a complete draft is sent, and the confirmation ({@code C})
 * read back once it was.
 */
public final class JourneyPages<D, P, C> {

    /** Sends a complete draft with its idempotency key and the robot check token. */
    @FunctionalInterface
    public interface Sending<D> {
        void send(D draft, String submissionKey, String captchaToken, String remoteIp);
    }

    private final Journeys journeys;
    private final Journey<D> journey;
    private final Function<JourneyView<D>, P> view;
    private final Sending<D> sending;
    private final Function<Journeys.Sent<D>, Optional<C>> confirmation;

    JourneyPages(Journeys journeys, Journey<D> journey, Function<JourneyView<D>, P> view, Sending<D> sending,
            Function<Journeys.Sent<D>, Optional<C>> confirmation) {
        this.journeys = journeys;
        this.journey = journey;
        this.view = view;
        this.sending = sending;
        this.confirmation = confirmation;
    }

    public Journey<D> journey() {
        return journey;
    }

    /** The start address: resumes the draft, or starts one ({@code prefill}, when given, answers some questions). */
    public JourneyOutcome<P> start(String token, Consumer<D> prefill) {
        return journeys.start(journey, token, prefill).map(view);
    }

    public JourneyOutcome<P> show(String token, String slug, boolean changing, boolean restarted) {
        return journeys.show(journey, token, slug, changing, restarted).map(view);
    }

    public JourneyOutcome<P> save(String token, String slug, MultivaluedMap<String, String> form, boolean changing) {
        return journeys.save(journey, token, slug, form, changing).map(view);
    }

    /** A file page's multipart form: a file uploaded or removed, or the page saved; see {@link Journeys#saveFiles}. */
    public JourneyOutcome<P> saveFiles(String token, String slug, MultivaluedMap<String, String> form, UploadedFile file,
            boolean changing) {
        return journeys.saveFiles(journey, token, slug, form, file, changing).map(view);
    }

    /** Sends the draft from check your answers; a refresh or double submit sends it once. */
    public JourneyOutcome<P> send(String token, String captchaToken, String remoteIp) {
        return journeys.send(journey, token, (draft, key) -> sending.send(draft, key, captchaToken, remoteIp)).map(view);
    }

    /** Asks where to email a link to come back to the draft later. */
    public JourneyOutcome<LaterPage> askWhereToSend(String token) {
        return journeys.askWhereToSend(journey, token);
    }

    /** Emails the link to come back later, through the outbox. */
    public JourneyOutcome<LaterPage> sendResumeLink(String token, String email, String client) {
        return journeys.sendResumeLink(journey, token, email, client);
    }

    /** The link was sent: until when it works. */
    public JourneyOutcome<LaterPage> resumeLinkSent(String token) {
        return journeys.resumeLinkSent(journey, token);
    }

    /** Follows a link to come back later. */
    public JourneyOutcome<LaterPage> resume(String resumeToken) {
        return journeys.resume(journey, resumeToken);
    }

    /** The confirmation of the draft behind {@code token}, once it was sent. */
    public Optional<C> confirmation(String token) {
        return journeys.sent(journey, token).flatMap(confirmation);
    }
}
