package org.asbportal.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

import org.asbportal.casetracking.TrackingService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.asbportal.notify.MailKind;
import org.asbportal.notify.Outbox;
import org.asbportal.report.Channel;
import org.asbportal.report.Report;
import org.asbportal.security.AccessCodes;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CaptchaResult;
import org.asbportal.web.Calendar;
import org.asbportal.trigger.ApplicationRequest.OtherComplaint;
import org.asbportal.trigger.ThresholdRules.Assessment;
import org.asbportal.trigger.ThresholdRules.Complaint;
import org.asbportal.trigger.ThresholdRules.Verdict;
import org.asbportal.web.FieldError;
import org.asbportal.web.IdempotencyConflictException;
import org.asbportal.web.journey.Submissions;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PrivacyNotices;
import org.asbportal.web.SiteConfig;
import org.asbportal.security.ClientLimits;
import org.asbportal.security.TooManyAttemptsException;
import org.jboss.logging.Logger;

/**
 * Takes a Community Trigger application: validate, check the robot test, then in one transaction
 * look up the portal reports it cites, assess the threshold, and save the application with its
 * complaints, the steps of the review with their due dates, and its first history entries. The
 * applicant follows it with the reference and the access code shown once.
 */
@ApplicationScoped
public class TriggerService {

    private static final Logger LOG = Logger.getLogger(TriggerService.class);
    static final String REFERENCE_PREFIX = "CT";
    static final String CAPTCHA_ACTION = "community_trigger";
    static final int MAX_COMPLAINTS = 20;
    /** An access code as typed, with spaces or dashes: 14 characters, some room for more spaces. */
    static final int ACCESS_CODE_TYPED_MAX = 30;
    static final java.util.regex.Pattern PORTAL_REFERENCE = java.util.regex.Pattern.compile("ASB-[0-9A-Z]{4}-[0-9A-Z]{4}");
    private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile("^([^\\[]+)\\[(\\d+)]\\.?(.*)$");

    /** The order fields are asked in, so that errors are listed as the applicant meets them. */
    private static final List<String> FIELD_ORDER = List.of(
            "applicant", "applicant.name", "applicant.email", "applicant.phone", "applicant.type", "onBehalfOf",
            "onBehalfOf.name", "onBehalfOf.relationship", "consent", "description", "impact", "hateMotivated",
            "reportReferences", "reportAccessCodes", "otherComplaints", "otherComplaints.agency", "otherComplaints.behaviourOn",
            "otherComplaints.reportedOn", "outcomeWanted", "captchaToken");

    private final Validator validator;
    private final ObjectMapper objectMapper;
    private final AccessCodes accessCodes;
    private final Submissions submissions;
    private final ThresholdRules rules;
    private final TriggerTimetable timetable;
    private final Calendar calendar;
    private final TrackingService tracking;
    private final SiteConfig site;
    private final TriggerEscalations escalations;
    private final TriggerPccReviews pccReviews;
    private final Outbox outbox;
    private final AuditLog audit;
    private final PrivacyNotices notices;

    /** The email to an applicant whose application a coordinator took down: the reference, never the access code. */
    public static final MailKind TAKEN_MAIL = new MailKind("TRIGGER_TAKEN", "Your case review application %s");

    /** How an application taken by staff reached them, in words. */
    static final Map<Channel, String> TAKEN = Map.of(Channel.PHONE, "by phone", Channel.PAPER, "from a paper form",
            Channel.IN_PERSON, "in person");

    /** What the applicant's email says: the reference, how it was taken, where to follow it. */
    public record TakenMail(String reference, String name, String how, String partnershipName, String trackUrl) {
    }

    @CheckedTemplate(basePath = "trigger")
    static class MailTemplates {
        static native TemplateInstance takenMail(TakenMail mail);
    }

    public TriggerService(Validator validator, ObjectMapper objectMapper, AccessCodes accessCodes, Submissions submissions,
            ThresholdRules rules, TriggerTimetable timetable, Calendar calendar, TrackingService tracking, SiteConfig site,
            TriggerEscalations escalations, TriggerPccReviews pccReviews, Outbox outbox, AuditLog audit, PrivacyNotices notices) {
        this.notices = notices;
        this.outbox = outbox;
        this.audit = audit;
        this.pccReviews = pccReviews;
        this.validator = validator;
        this.objectMapper = objectMapper;
        this.accessCodes = accessCodes;
        this.submissions = submissions;
        this.rules = rules;
        this.timetable = timetable;
        this.calendar = calendar;
        this.tracking = tracking;
        this.site = site;
        this.escalations = escalations;
    }

    /**
     * Saves an application. With an idempotency key, sending the same application again returns the
     * one already saved (same reference and access code) instead of a second one.
     *
     * @throws InvalidSubmissionException when a field needs changing or the robot check failed
     * @throws IdempotencyConflictException when the key was used before for a different application
     */
    public ApplicationResponse submit(ApplicationRequest request, String idempotencyKey, Channel channel, String remoteIp) {
        return submissions.submit(kind(channel, null), request, idempotencyKey, remoteIp);
    }

    /** The application saved with this idempotency key, with its access code, if there is one. */
    public Optional<ApplicationResponse> submitted(String idempotencyKey) {
        return submissions.saved(kind(Channel.WEB, null), idempotencyKey);
    }

    /**
     * Saves an application a coordinator took down by phone, on paper or in person for the applicant:
     * the same questions, validation, threshold rules and timetable as one made online, without the
     * robot check (the coordinator is signed in), recorded as taken by them. Sending the same form again
     * (its idempotency key) shows the application already saved instead of a second one.
     */
    public ApplicationResponse submitTakenByStaff(ApplicationRequest request, Channel channel, String enteredBy,
            String idempotencyKey) {
        if (!channel.takenByStaff()) {
            throw new IllegalArgumentException("Not a channel staff take applications by: " + channel);
        }
        return submissions.submit(kind(channel, enteredBy), request, idempotencyKey, "staff-" + enteredBy);
    }

    /**
     * What an application brings to the submission pipeline; {@code channel} is where it came in. Its
     * access codes are kept apart from those reports derive from keys.
     */
    private Submissions.Kind<ApplicationRequest, ApplicationResponse> kind(Channel channel, String enteredBy) {
        return new Submissions.Kind<>(CAPTCHA_ACTION,
                "We could not confirm that you are not a robot. Complete the check and send your application again",
                "community-trigger:", this::validate, channel.takenByStaff() ? null : ApplicationRequest::captchaToken,
                this::fingerprint,
                (keyHash, accessCode) -> TriggerApplication.findByIdempotencyKey(keyHash)
                        .map(application -> new Submissions.Earlier<>(application.requestHash, view(application, accessCode))),
                (request, receipt) -> save(request, channel, receipt, enteredBy), ClientLimits.Limit.APPLICATIONS);
    }

    /**
     * The applicant's view of an application, when the access code matches; empty otherwise, and the
     * failure is counted. An unknown reference and a wrong code are indistinguishable.
     */
    public Optional<ApplicationStatusResponse> status(String reference, String accessCode, String client) {
        return tracking.withAccessCode(reference, client, normalised -> find(normalised, accessCode));
    }

    /** The applicant's view of an application when the access code matches, uncounted: callers count through {@link TrackingService}. */
    public Optional<ApplicationStatusResponse> find(String reference, String accessCode) {
        return QuarkusTransaction.requiringNew().call(() -> track(AccessCodes.normaliseReference(reference), accessCode));
    }

    /**
     * The applicant, with the access code, asks for the threshold decision or the outcome to be
     * looked at again, giving their reason. Empty when reference and code do not match (counted as
     * a failure, like {@link #status}).
     *
     * @throws InvalidSubmissionException when the reason is missing or too long
     * @throws TriggerConflictException when it is not yet, or no longer, possible
     */
    public Optional<ApplicationStatusResponse> escalate(String reference, String accessCode, String client,
            ReviewForms.EscalationForm form) {
        Optional<ApplicationStatusResponse> status = status(reference, accessCode, client);
        if (status.isEmpty()) {
            return status;
        }
        escalations.escalateByApplicant(status.get().reference(), form);
        return QuarkusTransaction.requiringNew().call(() -> track(status.get().reference(), accessCode));
    }

    /**
     * The applicant, with the access code, asks the Police and Crime Commissioner to review a
     * "threshold not met" decision, once. Empty when reference and code do not match (counted).
     *
     * @throws InvalidSubmissionException when the reason is missing or too long
     * @throws TriggerConflictException when the threshold was not decided "not met", or they asked already
     */
    public Optional<ApplicationStatusResponse> askPcc(String reference, String accessCode, String client,
            ReviewForms.PccRequestForm form) {
        Optional<ApplicationStatusResponse> status = status(reference, accessCode, client);
        if (status.isEmpty()) {
            return status;
        }
        pccReviews.request(status.get().reference(), form);
        return QuarkusTransaction.requiringNew().call(() -> track(status.get().reference(), accessCode));
    }

    /** Every problem with an application, in the order the questions are asked. */
    public List<FieldError> validate(ApplicationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<ApplicationRequest> violation : validator.validate(request)) {
            errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        ApplicationRequest.Applicant applicant = request.applicant();
        if (applicant != null && isBlank(applicant.email()) && isBlank(applicant.phone())) {
            errors.add(new FieldError("applicant.email",
                    "Enter an email address or a telephone number so we can contact you about your application"));
        }
        if (request.onBehalfOf() != null && !Boolean.TRUE.equals(request.consent())) {
            errors.add(new FieldError("consent", "You can only apply for someone else with their agreement: "
                    + "confirm they have agreed to you applying for them"));
        }
        validateReferences(request.reportReferences(), errors);
        validateAccessCodes(request, errors);
        validateOtherComplaints(request.otherComplaints(), errors);
        if (request.reportReferences().isEmpty() && request.otherComplaints().isEmpty()) {
            errors.add(new FieldError("reportReferences", "Tell us about at least one complaint you made: the reference "
                    + "of a report on this portal, or a complaint to another agency with its dates"));
        }
        return errors.stream()
                .distinct()
                .sorted(Comparator.comparing(FieldError::field, TriggerService::compareFields))
                .toList();
    }

    private static void validateReferences(List<String> references, List<FieldError> errors) {
        if (references.size() > MAX_COMPLAINTS) {
            errors.add(new FieldError("reportReferences", "List up to " + MAX_COMPLAINTS + " report references"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < references.size(); i++) {
            String field = "reportReferences[" + i + "]";
            String reference = references.get(i);
            if (isBlank(reference)) {
                errors.add(new FieldError(field, "Enter the report reference, like ASB-7KQ4-M9XP, or remove it"));
            } else if (!PORTAL_REFERENCE.matcher(AccessCodes.normaliseReference(reference)).matches()) {
                errors.add(new FieldError(field, "Enter a report reference as it is on your confirmation, like ASB-7KQ4-M9XP"));
            } else if (!seen.add(AccessCodes.normaliseReference(reference))) {
                errors.add(new FieldError(field, "You have already listed this reference"));
            }
        }
    }

    private static void validateAccessCodes(ApplicationRequest request, List<FieldError> errors) {
        if (request.reportAccessCodes().size() > request.reportReferences().size()) {
            errors.add(new FieldError("reportAccessCodes", "Give at most one access code for each report reference"));
            return;
        }
        for (int i = 0; i < request.reportAccessCodes().size(); i++) {
            String code = request.reportAccessCodes().get(i);
            if (code != null && code.strip().length() > ACCESS_CODE_TYPED_MAX) {
                errors.add(new FieldError("reportReferences[" + i + "]",
                        "Enter the report's access code as it is on your confirmation, like 7KQ4-M9XP-2TBD"));
            }
        }
    }

    private void validateOtherComplaints(List<OtherComplaint> complaints, List<FieldError> errors) {
        if (complaints.size() > MAX_COMPLAINTS) {
            errors.add(new FieldError("otherComplaints", "List up to " + MAX_COMPLAINTS + " complaints to other agencies"));
            return;
        }
        LocalDate today = calendar.today();
        for (int i = 0; i < complaints.size(); i++) {
            String field = "otherComplaints[" + i + "]";
            OtherComplaint complaint = complaints.get(i);
            if (complaint == null) {
                errors.add(new FieldError(field, "Tell us the agency you complained to and the dates, or remove this complaint"));
                continue;
            }
            LocalDate behaviourOn = date(complaint.behaviourOn(), field + ".behaviourOn", "the date the behaviour happened",
                    today, errors);
            LocalDate reportedOn = date(complaint.reportedOn(), field + ".reportedOn", "the date you complained", today, errors);
            if (behaviourOn != null && reportedOn != null && reportedOn.isBefore(behaviourOn)) {
                errors.add(new FieldError(field + ".reportedOn",
                        "The date you complained must be the same as or after the date the behaviour happened"));
            }
        }
    }

    private static LocalDate date(String value, String field, String what, LocalDate today, List<FieldError> errors) {
        if (isBlank(value)) {
            errors.add(new FieldError(field, "Enter " + what));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "Enter " + what + " as year-month-day, like 2026-11-20"));
            return null;
        }
        if (date.isAfter(today)) {
            errors.add(new FieldError(field, capitalised(what) + " must be today or in the past"));
            return null;
        }
        if (date.isBefore(today.minusYears(10))) {
            errors.add(new FieldError(field, capitalised(what) + " must be within the last 10 years"));
            return null;
        }
        return date;
    }

    private ApplicationResponse save(ApplicationRequest request, Channel channel, Submissions.Receipt receipt,
            String enteredBy) {
        CaptchaResult robotCheck = receipt.robotCheck();
        Instant now = calendar.now();
        LocalDate receivedOn = now.atZone(calendar.zone()).toLocalDate();
        List<Cited> cited = locate(request, receipt.client());
        Assessment assessment = rules.assess(receivedOn, request.hateMotivated(), cited.stream().map(Cited::complaint).toList());
        TriggerApplication application = newApplication(request, channel, robotCheck, now, receivedOn, assessment);
        application.reference = uniqueReference();
        application.accessCodeHash = receipt.accessCodeHash();
        application.idempotencyKey = receipt.keyHash();
        application.requestHash = receipt.requestHash();
        application.enteredBy = enteredBy;
        application.privacyNoticeVersion = notices.current().id();
        application.persist();
        saveComplaints(application, cited, assessment);
        planSteps(application);
        recordHistory(application, robotCheck);
        if (enteredBy != null) {
            TriggerEvent.record(application, "TAKEN_BY_STAFF", false, "Taken down " + TAKEN.get(channel) + " by " + enteredBy
                    + " for the applicant, who had the same questions asked.");
            audit.record(enteredBy, "TRIGGER_TAKEN_BY_STAFF", application.reference, channel.name());
            takenMail(application);
        }
        LOG.infof("Community Trigger application %s saved: %d of %d qualifying complaints%s", application.reference,
                assessment.qualifyingComplaints(), assessment.threshold(),
                robotCheck.outcome() == CaptchaResult.Outcome.UNAVAILABLE ? ", unverified" : "");
        return view(application, receipt.accessCode());
    }

    /** Tells an applicant who gave an email that their application was taken down (the access code goes by letter). */
    private void takenMail(TriggerApplication application) {
        if (application.applicantEmail == null) {
            return;
        }
        TakenMail mail = new TakenMail(application.reference, application.applicantName, TAKEN.get(application.channel),
                site.partnershipName(), site.baseUrl() + "/track");
        outbox.enqueue(TAKEN_MAIL, application.applicantEmail, application.reference, application.reference,
                () -> MailTemplates.takenMail(mail));
    }

    /** A complaint as the rules see it, with the portal report it is, when found. */
    private record Cited(Complaint complaint, Report report) {
    }

    /**
     * Portal references first, in the order given, then complaints to other agencies. A portal report
     * is assessed only when the applicant shows it is theirs to cite: with its access code, or by
     * having the email address or phone number its reporter gave. Any other reference, known or not, is
     * left for the coordinator to confirm, and the applicant is told the same either way, so citing
     * references cannot be used to learn which exist or what they are about.
     */
    private List<Cited> locate(ApplicationRequest request, String client) {
        List<Cited> cited = new ArrayList<>();
        for (int i = 0; i < request.reportReferences().size(); i++) {
            String reference = AccessCodes.normaliseReference(request.reportReferences().get(i));
            String accessCode = request.reportAccessCode(i);
            Optional<Report> report = Report.findByReference(reference);
            if (report.isPresent() && (byContact(report.get(), request.applicant()) || byAccessCode(reference, accessCode, client))) {
                Report found = report.get();
                cited.add(new Cited(Complaint.portal(reference, found.submittedAt.atZone(calendar.zone()).toLocalDate(),
                        found.occurredOn), found));
            } else {
                if (report.isEmpty()) {
                    byAccessCode(reference, accessCode, client);
                }
                cited.add(new Cited(Complaint.portalToConfirm(reference), report.orElse(null)));
            }
        }
        for (OtherComplaint other : request.otherComplaints()) {
            cited.add(new Cited(Complaint.otherAgency(other.agency().strip(), LocalDate.parse(other.reportedOn().strip()),
                    LocalDate.parse(other.behaviourOn().strip())), null));
        }
        return cited;
    }

    /**
     * Whether the access code given with a cited reference is the report's. Checked like every code
     * (TrackingService): a wrong one counts against the client and the reference, and while either has
     * used up its wrong attempts no code is checked at all, so the citation is simply left to confirm and
     * citing cannot be used to guess codes.
     */
    private boolean byAccessCode(String reference, String accessCode, String client) {
        if (accessCode == null) {
            return false;
        }
        try {
            return tracking.withAccessCode(reference, client, normalised -> {
                Optional<Report> report = Report.findByReference(normalised);
                if (report.isEmpty() || report.get().accessCodeHash == null) {
                    accessCodes.matchNothing(accessCode);
                    return Optional.<Report>empty();
                }
                return report.filter(found -> accessCodes.matches(accessCode, found.accessCodeHash));
            }).isPresent();
        } catch (TooManyAttemptsException e) {
            return false;
        }
    }

    /** Whether the applicant's email or phone is the one the report's reporter gave. */
    private static boolean byContact(Report report, ApplicationRequest.Applicant applicant) {
        String email = normalisedEmail(applicant.email());
        String phone = normalisedPhone(applicant.phone());
        return email != null && email.equals(normalisedEmail(report.reporterEmail))
                || phone != null && phone.equals(normalisedPhone(report.reporterPhone));
    }

    /** An email address compared without case or surrounding spaces; null when none. */
    static String normalisedEmail(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** A UK phone number by its digits, +44 or 0044 as 0; null when it has too few digits to compare. */
    static String normalisedPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.startsWith("+44")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("0044")) {
            digits = "0" + digits.substring(4);
        }
        digits = digits.replace("+", "");
        return digits.length() < 7 ? null : digits;
    }

    private static TriggerApplication newApplication(ApplicationRequest request, Channel channel, CaptchaResult robotCheck,
            Instant now, LocalDate receivedOn, Assessment assessment) {
        TriggerApplication application = new TriggerApplication();
        application.status = TriggerStatus.RECEIVED;
        ApplicationRequest.Applicant applicant = request.applicant();
        application.applicantName = applicant.name().strip();
        application.applicantEmail = blankToNull(applicant.email());
        application.applicantPhone = blankToNull(applicant.phone());
        application.applicantType = applicant.type();
        if (request.onBehalfOf() != null) {
            application.onBehalfOfName = request.onBehalfOf().name().strip();
            application.onBehalfOfRelationship = request.onBehalfOf().relationship().strip();
            application.victimConsent = true;
        }
        application.description = request.description();
        application.impact = request.impact();
        application.outcomeWanted = blankToNull(request.outcomeWanted());
        application.hateMotivated = request.hateMotivated();
        application.threshold = assessment.threshold();
        application.qualifyingComplaints = assessment.qualifyingComplaints();
        application.thresholdMet = assessment.thresholdMet();
        application.receivedOn = receivedOn;
        application.submittedAt = now;
        application.captchaOutcome = robotCheck.outcome();
        application.channel = channel;
        return application;
    }

    private static void saveComplaints(TriggerApplication application, List<Cited> cited, Assessment assessment) {
        for (int i = 0; i < cited.size(); i++) {
            Verdict verdict = assessment.complaints().get(i);
            Complaint complaint = verdict.complaint();
            TriggerComplaint row = new TriggerComplaint();
            row.application = application;
            row.position = i + 1;
            row.source = complaint.source();
            row.reportReference = complaint.reference();
            row.report = cited.get(i).report();
            row.agency = complaint.agency();
            row.reportedOn = complaint.reportedOn();
            row.behaviourOn = complaint.behaviourOn();
            row.qualifies = verdict.qualifies();
            row.reason = verdict.reason();
            row.toConfirm = verdict.toConfirm();
            row.sameIncidentAs = verdict.sameIncidentAs();
            row.persist();
        }
    }

    private void planSteps(TriggerApplication application) {
        int position = 1;
        for (Map.Entry<TriggerStep, LocalDate> due : timetable.dueDates(application.receivedOn).entrySet()) {
            TriggerApplicationStep step = new TriggerApplicationStep();
            step.application = application;
            step.step = due.getKey();
            step.position = position++;
            step.dueBy = due.getValue();
            step.persist();
        }
    }

    private static void recordHistory(TriggerApplication application, CaptchaResult robotCheck) {
        TriggerEvent.record(application, "RECEIVED", true, "We received your Community Trigger application.");
        TriggerEvent.record(application, "ASSESSED", false, "First assessment: " + application.qualifyingComplaints
                + " qualifying complaint(s) of " + application.threshold + " needed"
                + (application.hateMotivated ? " (hate-motivated)" : "") + ", threshold "
                + (application.thresholdMet ? "met" : "not met") + ". To be decided by the partnership.");
        if (application.onBehalfOfName != null) {
            TriggerEvent.record(application, "ON_BEHALF", false, "Made on behalf of the victim ("
                    + application.onBehalfOfRelationship + "), who the applicant says has agreed.");
        }
        if (robotCheck.outcome() == CaptchaResult.Outcome.UNAVAILABLE) {
            TriggerEvent.record(application, "UNVERIFIED", false,
                    "The robot check service could not be reached (" + robotCheck.reason() + "); accepted unverified.");
        }
    }

    private Optional<ApplicationStatusResponse> track(String reference, String accessCode) {
        Optional<TriggerApplication> found = TriggerApplication.findByReference(reference);
        if (found.isEmpty()) {
            accessCodes.matchNothing(accessCode);
            return Optional.empty();
        }
        TriggerApplication application = found.get();
        if (!accessCodes.matches(accessCode, application.accessCodeHash, upgraded -> application.accessCodeHash = upgraded)) {
            return Optional.empty();
        }
        return Optional.of(new ApplicationStatusResponse(application.reference, application.status,
                application.status.explanation(), application.receivedOn, application.thresholdMet,
                application.qualifyingComplaints, application.threshold, steps(application), complaints(application),
                TriggerEvent.publicTimeline(application).stream()
                        .map(event -> new ApplicationStatusResponse.Update(event.occurredAt, event.message))
                        .toList(),
                application.status.label(), application.status.mayEscalate(),
                TriggerEscalation.of(application).map(e -> new ApplicationStatusResponse.Escalation(e.about, e.reason,
                        e.requestedAt, e.decision, e.decisionReasons, e.decidedAt)).orElse(null),
                TriggerOutcomeLetters.applicantLetter(application, site).orElse(null),
                ReviewViews.Spoc.of(application), TriggerPccReviews.mayRequest(application),
                TriggerPccReview.of(application).map(ReviewViews.PccReviewView::of).orElse(null)));
    }

    private static ApplicationResponse view(TriggerApplication application, String accessCode) {
        List<ApplicationResponse.Step> steps = steps(application);
        LocalDate decisionDueBy = steps.stream().filter(step -> step.step() == TriggerStep.THRESHOLD_DECISION)
                .findFirst().orElseThrow().dueBy();
        return new ApplicationResponse(application.reference, accessCode, application.thresholdMet,
                application.qualifyingComplaints, application.threshold, decisionDueBy, steps, complaints(application));
    }

    private static List<ApplicationResponse.Step> steps(TriggerApplication application) {
        return TriggerApplicationStep.of(application).stream().map(ApplicationResponse.Step::of).toList();
    }

    private static List<ApplicationResponse.Complaint> complaints(TriggerApplication application) {
        return TriggerComplaint.of(application).stream().map(ApplicationResponse.Complaint::of).toList();
    }

    private String uniqueReference() {
        String reference;
        do {
            reference = accessCodes.newReference(REFERENCE_PREFIX);
        } while (TriggerApplication.findByReference(reference).isPresent());
        return reference;
    }

    /** A hash of everything in an application but its robot check token. */
    String fingerprint(ApplicationRequest request) {
        try {
            return AccessCodes.sha256(objectMapper.writeValueAsString(request.withoutCaptchaToken()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An application could not be serialised", e);
        }
    }

    /** Orders fields as asked; the entries of a list by their index, each entry's fields as asked. */
    private static int compareFields(String a, String b) {
        Matcher ma = INDEXED.matcher(a);
        Matcher mb = INDEXED.matcher(b);
        String rootA = ma.matches() ? ma.group(1) : a;
        String rootB = mb.matches() ? mb.group(1) : b;
        int byRoot = Integer.compare(fieldOrder(rootA), fieldOrder(rootB));
        if (byRoot != 0) {
            return byRoot;
        }
        int indexA = ma.matches() ? Integer.parseInt(ma.group(2)) : -1;
        int indexB = mb.matches() ? Integer.parseInt(mb.group(2)) : -1;
        if (indexA != indexB) {
            return Integer.compare(indexA, indexB);
        }
        String restA = ma.matches() && !ma.group(3).isEmpty() ? rootA + "." + ma.group(3) : rootA;
        String restB = mb.matches() && !mb.group(3).isEmpty() ? rootB + "." + mb.group(3) : rootB;
        return Integer.compare(fieldOrder(restA), fieldOrder(restB));
    }

    private static int fieldOrder(String field) {
        int index = FIELD_ORDER.indexOf(field);
        return index < 0 ? FIELD_ORDER.size() : index;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}
