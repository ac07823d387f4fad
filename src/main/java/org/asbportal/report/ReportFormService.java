package org.asbportal.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;

import org.asbportal.contact.Agency;
import org.asbportal.contact.ContactService;
import org.asbportal.report.ReportJourney.PageError;
import org.asbportal.report.ReportJourney.Step;
import org.asbportal.ward.Ward;
import org.asbportal.ward.WardService;
import org.asbportal.web.DatabaseFailures;
import org.asbportal.web.FieldError;
import org.asbportal.web.HiddenAnswers;
import org.asbportal.web.IdempotencyConflictException;
import org.asbportal.web.InvalidSubmissionException;
import org.jboss.logging.Logger;
import org.asbportal.category.Category;
import org.asbportal.category.CategoryGroup;
import org.asbportal.category.CategoryService;

/**
 * Moves a resident through the report journey: binds each page's answers, shows the page's errors or
 * the next page, and sends the report from check your answers.
 */
@ApplicationScoped
public class ReportFormService {

    /** Form actions besides continuing. */
    static final String BACK = "back";
    static final String CHANGE = "change:";
    static final String AFTER_EMERGENCY = "after-emergency";

    static final String NOT_SAVED = "Sorry, we could not send your report just now. Your answers are still here: "
            + "try sending again in a few minutes. If someone is in danger, call 999.";

    private static final Logger LOG = Logger.getLogger(ReportFormService.class);

    /** What to show next: a question page (or the emergency page), or the confirmation. */
    public record Outcome(ReportPage page, boolean emergency, Confirmation confirmation) {
    }

    private final ReportJourney journey;
    private final ReportService reports;
    private final CategoryService categories;
    private final WardService wards;
    private final ContactService contacts;

    public ReportFormService(ReportJourney journey, ReportService reports, CategoryService categories,
            WardService wards, ContactService contacts) {
        this.journey = journey;
        this.reports = reports;
        this.categories = categories;
        this.wards = wards;
        this.contacts = contacts;
    }

    public Outcome start() {
        return show(Step.DANGER, new ReportDraft(), List.of());
    }

    public Outcome answer(MultivaluedMap<String, String> form, String remoteIp) {
        ReportDraft draft = journey.decode(form.getFirst("draft"));
        Step step = Step.fromSlug(form.getFirst("step")).orElse(Step.DANGER);
        String action = form.getFirst("action") == null ? "" : form.getFirst("action");
        if (action.equals(BACK)) {
            return show(draft.changing ? Step.CHECK : journey.previous(step, draft), draft, List.of());
        }
        if (action.startsWith(CHANGE)) {
            draft.changing = true;
            return show(Step.fromSlug(action.substring(CHANGE.length())).orElse(Step.CHECK), draft, List.of());
        }
        if (action.equals(AFTER_EMERGENCY)) {
            return show(Step.CATEGORY, draft, List.of());
        }
        if (step == Step.CHECK) {
            return send(draft, form.getFirst("g-recaptcha-response"), remoteIp);
        }
        journey.bind(step, form, draft);
        List<PageError> errors = journey.errorsFor(step, draft);
        if (!errors.isEmpty()) {
            return show(step, draft, errors);
        }
        if (step == Step.DANGER && "yes".equals(draft.danger)) {
            return new Outcome(page(Step.DANGER, draft, List.of()), true, null);
        }
        Step next = journey.next(step, draft);
        if (next == Step.CHECK) {
            draft.changing = false;
        }
        return show(next, draft, List.of());
    }

    private Outcome send(ReportDraft draft, String captchaToken, String remoteIp) {
        try {
            List<FieldError> errors = journey.allErrors(draft, captchaToken);
            if (!errors.isEmpty()) {
                return showErrorsOf(draft, errors);
            }
            SubmittedReport saved = submit(draft, captchaToken, remoteIp);
            String categoryName = categories.find(saved.categoryCode()).map(c -> c.name).orElse("");
            return new Outcome(null, false, new Confirmation(saved, categoryName, draft.anonymous(),
                    contacts.forCategory(saved.categoryCode())));
        } catch (InvalidSubmissionException e) {
            return showErrorsOf(draft, e.errors());
        } catch (PersistenceException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            LOG.warnf("A report could not be sent: the database is unavailable (%s)", e.getMessage());
            // Built without the database, so the resident keeps every answer and can send again.
            ReportPage page = new ReportPage(Step.CHECK, draft, journey.encode(draft), List.of(new PageError("send", NOT_SAVED)),
                    Map.of(), List.of(), journey.summary(draft, draft.category, null), List.of());
            return new Outcome(page, false, null);
        }
    }

    private SubmittedReport submit(ReportDraft draft, String captchaToken, String remoteIp) {
        ReportSubmission submission = journey.toSubmission(draft, captchaToken);
        try {
            return reports.submit(submission, draft.submissionId, Channel.WEB, remoteIp);
        } catch (IdempotencyConflictException e) {
            // Answers changed after this report was sent (the back button): it is a new report. Its key
            // comes from the first key and these answers, so sending them again saves it only once.
            draft.submissionId = HiddenAnswers.keyForChangedAnswers(draft.submissionId, reports.fingerprint(submission));
            return reports.submit(submission, draft.submissionId, Channel.WEB, remoteIp);
        }
    }

    private Outcome showErrorsOf(ReportDraft draft, List<FieldError> errors) {
        Step step = journey.stepOf(errors.get(0));
        draft.changing = step != Step.CHECK;
        List<PageError> pageErrors = step == Step.CHECK
                ? errors.stream().filter(e -> journey.stepOf(e) == Step.CHECK).map(e -> new PageError("captcha", e.message())).toList()
                : journey.errorsFor(step, draft);
        return show(step, draft, pageErrors);
    }

    private Outcome show(Step step, ReportDraft draft, List<PageError> errors) {
        return new Outcome(page(step, draft, errors), false, null);
    }

    private ReportPage page(Step step, ReportDraft draft, List<PageError> errors) {
        Map<CategoryGroup, List<Category>> groups = step == Step.CATEGORY ? categories.byGroup() : Map.of();
        List<Ward> wardList = step == Step.WHERE ? wards.all() : List.of();
        List<ReportJourney.SummaryRow> summary = List.of();
        List<Agency> agencies = List.of();
        if (step == Step.CHECK) {
            String categoryName = categories.find(draft.category).map(c -> c.name).orElse(null);
            String wardName = wards.find(draft.wardCode).map(w -> w.name).orElse(null);
            summary = journey.summary(draft, categoryName, wardName);
            agencies = draft.category == null ? List.of() : contacts.forCategory(draft.category);
        }
        return new ReportPage(step, draft, journey.encode(draft), errors, groups, wardList, summary, agencies);
    }
}
