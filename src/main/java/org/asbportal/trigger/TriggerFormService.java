package org.asbportal.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;

import org.asbportal.report.Channel;
import org.asbportal.trigger.TriggerDraft.OtherComplaint;
import org.asbportal.trigger.TriggerJourney.PageError;
import org.asbportal.trigger.TriggerJourney.Step;
import org.asbportal.web.DatabaseFailures;
import org.asbportal.web.FieldError;
import org.asbportal.web.HiddenAnswers;
import org.asbportal.web.IdempotencyConflictException;
import org.asbportal.web.InvalidSubmissionException;
import org.jboss.logging.Logger;

/**
 * Moves an applicant through the Community Trigger application pages: binds each page's answers,
 * shows the page's errors or the next page, and sends the application from check your answers.
 */
@ApplicationScoped
public class TriggerFormService {

    /** Form actions besides continuing. */
    static final String BACK = "back";
    static final String CHANGE = "change:";
    static final String ADD_REFERENCE = "add-reference";
    static final String REMOVE_REFERENCE = "remove-reference:";
    static final String ADD_COMPLAINT = "add-complaint";
    static final String REMOVE_COMPLAINT = "remove-complaint:";

    static final String NOT_SAVED = "Sorry, we could not send your application just now. Your answers are still here: "
            + "try sending again in a few minutes. If someone is in danger, call 999.";

    private static final Logger LOG = Logger.getLogger(TriggerFormService.class);

    /** What to show next: a question page, the confirmation, or (answers that cannot be read) neither. */
    public record Outcome(TriggerPage page, TriggerConfirmation confirmation) {

        public boolean unreadable() {
            return page == null && confirmation == null;
        }
    }

    private final TriggerJourney journey;
    private final TriggerService applications;
    private final ThresholdRules rules;

    public TriggerFormService(TriggerJourney journey, TriggerService applications, ThresholdRules rules) {
        this.journey = journey;
        this.applications = applications;
        this.rules = rules;
    }

    /** The first page; {@code reportReference}, when well formed, is already listed among the complaints. */
    public Outcome start(String reportReference) {
        return show(Step.WHO, journey.newDraft(reportReference), List.of());
    }

    public Outcome answer(MultivaluedMap<String, String> form, String remoteIp) {
        Optional<TriggerDraft> decoded = journey.decode(form.getFirst("draft"));
        Optional<Step> posted = Step.fromSlug(form.getFirst("step"));
        if (decoded.isEmpty() || posted.isEmpty()) {
            return new Outcome(null, null);
        }
        TriggerDraft draft = decoded.get();
        Step step = posted.get();
        String action = form.getFirst("action") == null ? "" : form.getFirst("action");
        if (action.equals(BACK)) {
            return show(draft.changing ? Step.CHECK : journey.previous(step, draft), draft, List.of());
        }
        if (action.startsWith(CHANGE)) {
            draft.changing = true;
            return show(Step.fromSlug(action.substring(CHANGE.length())).orElse(Step.CHECK), draft, List.of());
        }
        if (step == Step.CHECK) {
            return send(draft, form.getFirst("g-recaptcha-response"), remoteIp);
        }
        journey.bind(step, form, draft);
        if (changesTheList(step, action, draft)) {
            return show(step, draft, List.of());
        }
        List<PageError> errors = journey.errorsFor(step, draft);
        if (!errors.isEmpty()) {
            return show(step, draft, errors);
        }
        Step next = journey.next(step, draft);
        if (next == Step.CHECK) {
            draft.changing = false;
        }
        return show(next, draft, List.of());
    }

    /** Adds or removes a report reference or a complaint without leaving the page; false for any other action. */
    private static boolean changesTheList(Step step, String action, TriggerDraft draft) {
        if (step == Step.REPORTS && action.equals(ADD_REFERENCE)) {
            if (draft.references.size() < TriggerJourney.MAX_ENTRIES) {
                draft.references.add("");
            }
            return true;
        }
        if (step == Step.REPORTS && action.startsWith(REMOVE_REFERENCE)) {
            position(action.substring(REMOVE_REFERENCE.length()), draft.references.size()).ifPresent(index -> draft.references.remove((int) index));
            return true;
        }
        if (step == Step.COMPLAINTS && action.equals(ADD_COMPLAINT)) {
            if (draft.complaints.size() < TriggerJourney.MAX_ENTRIES) {
                draft.complaints.add(new OtherComplaint());
            }
            return true;
        }
        if (step == Step.COMPLAINTS && action.startsWith(REMOVE_COMPLAINT)) {
            position(action.substring(REMOVE_COMPLAINT.length()), draft.complaints.size()).ifPresent(index -> draft.complaints.remove((int) index));
            return true;
        }
        return false;
    }

    /** The list index of entry number {@code number}, when there is one. */
    private static Optional<Integer> position(String number, int size) {
        try {
            int index = Integer.parseInt(number) - 1;
            return index >= 0 && index < size ? Optional.of(index) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Outcome send(TriggerDraft draft, String captchaToken, String remoteIp) {
        try {
            List<FieldError> errors = journey.allErrors(draft);
            if (!errors.isEmpty()) {
                return showErrorsOf(draft, errors);
            }
            ApplicationResponse saved = submit(draft, captchaToken, remoteIp);
            return new Outcome(null, new TriggerConfirmation(saved, draft.onBehalf()));
        } catch (InvalidSubmissionException e) {
            return showErrorsOf(draft, e.errors());
        } catch (PersistenceException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            LOG.warnf("A Community Trigger application could not be sent: the database is unavailable (%s)", e.getMessage());
            return show(Step.CHECK, draft, List.of(new PageError("send", NOT_SAVED)));
        }
    }

    private ApplicationResponse submit(TriggerDraft draft, String captchaToken, String remoteIp) {
        ApplicationRequest request = journey.toRequest(draft, captchaToken);
        try {
            return applications.submit(request, draft.submissionId, Channel.WEB, remoteIp);
        } catch (IdempotencyConflictException e) {
            // Answers changed after this application was sent (the back button): it is a new application.
            draft.submissionId = HiddenAnswers.keyForChangedAnswers(draft.submissionId, applications.fingerprint(request));
            return applications.submit(request, draft.submissionId, Channel.WEB, remoteIp);
        }
    }

    private Outcome showErrorsOf(TriggerDraft draft, List<FieldError> errors) {
        Step step = journey.stepOf(errors.get(0));
        draft.changing = step != Step.CHECK;
        List<PageError> pageErrors = step == Step.CHECK
                ? errors.stream().filter(e -> journey.stepOf(e) == Step.CHECK).map(e -> new PageError("captcha", e.message())).toList()
                : journey.errorsFor(step, draft);
        return show(step, draft, pageErrors);
    }

    private Outcome show(Step step, TriggerDraft draft, List<PageError> errors) {
        List<TriggerJourney.SummaryRow> summary = step == Step.CHECK ? journey.summary(draft) : List.of();
        return new Outcome(new TriggerPage(step, draft, journey.encode(draft), errors, summary, rules.terms()), null);
    }
}
