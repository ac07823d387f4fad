package org.asbportal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.asbportal.report.ReportSubmission.ContactMethod;
import org.asbportal.report.ReportSubmission.Location;
import org.asbportal.report.ReportSubmission.Reporter;
import org.asbportal.report.ReportSubmission.YesNoNotSure;
import org.asbportal.security.AccessCodes;
import org.asbportal.security.ApiTokens;
import org.asbportal.security.CaptchaResult;
import org.asbportal.web.Calendar;
import org.asbportal.web.PrivacyNotices;
import org.asbportal.ward.Places;
import org.asbportal.ward.WardLocator;
import org.asbportal.ward.WardService;
import org.asbportal.ward.WardRef;
import org.asbportal.web.FieldError;
import org.asbportal.web.IdempotencyConflictException;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.journey.Submissions;
import org.jboss.logging.Logger;
import org.asbportal.category.Category;
import org.asbportal.category.CategoryService;
import org.asbportal.security.ClientLimits;

/**
 * Takes a resident's report, from the web form or the JSON API: validate, check the robot test,
 * then in one transaction locate, screen risk, save (one insert, access code hash included) and
 * route to a triage queue; once that is committed, link possible duplicates in short transactions of
 * their own. A report acknowledged with a reference is committed with its queue item.
 */
@ApplicationScoped
public class ReportService {

    private static final Logger LOG = Logger.getLogger(ReportService.class);
    /** A second report within this long of an earlier one is when the victim is told of the case review. */
    static final Period CASE_REVIEW_PROMPT_WITHIN = Period.ofMonths(6);
    static final String REFERENCE_PREFIX = "ASB";
    static final String CAPTCHA_ACTION = "report";

    /** The order fields are asked in, so that errors are listed as the resident meets them. */
    private static final List<String> FIELD_ORDER = List.of(
            "categoryCode", "location", "location.description", "location.town", "location.wardCode",
            "location.latitude", "location.longitude", "occurredOn", "occurredTime", "stillHappening",
            "frequency", "description", "peopleInvolved", "risk", "risk.happenedBefore",
            "risk.targetedForIdentity", "risk.impact", "risk.feelsUnsafeAtHome",
            "risk.vulnerablePeopleAffected", "risk.youngPeopleInvolved", "reporter", "reporter.role",
            "reporter.name", "reporter.email", "reporter.phone", "reporter.preferredContact", "equality",
            "consentToShare", "captchaToken");

    private final Validator validator;
    private final ObjectMapper objectMapper;
    private final AccessCodes accessCodes;
    private final RiskScreener riskScreener;
    private final DuplicateFinder duplicates;
    private final WardLocator wardLocator;
    private final Calendar calendar;
    private final ReportIntake intake;
    private final ReportHistory history;
    private final Event<ReportChanges.Received> received;
    private final Submissions submissions;
    private final CategoryService categories;
    private final WardService wards;
    private final ReportReceipts receipts;
    private final Places places;
    private final EvidenceService evidence;

    private final PrivacyNotices notices;

    public ReportService(Validator validator, ObjectMapper objectMapper, AccessCodes accessCodes,
            Submissions submissions, RiskScreener riskScreener, DuplicateFinder duplicates, WardLocator wardLocator,
            Calendar calendar, ReportIntake intake, ReportHistory history, Event<ReportChanges.Received> received,
            CategoryService categories, WardService wards, ReportReceipts receipts, Places places,
            EvidenceService evidence, PrivacyNotices notices) {
        this.notices = notices;
        this.places = places;
        this.receipts = receipts;
        this.evidence = evidence;
        this.categories = categories;
        this.wards = wards;
        this.validator = validator;
        this.objectMapper = objectMapper;
        this.accessCodes = accessCodes;
        this.submissions = submissions;
        this.riskScreener = riskScreener;
        this.duplicates = duplicates;
        this.wardLocator = wardLocator;
        this.calendar = calendar;
        this.intake = intake;
        this.history = history;
        this.received = received;
    }

    /**
     * Saves a report and routes it. With an idempotency key, sending the same submission again
     * returns the report already saved (same reference and access code) instead of a second one.
     *
     * @throws InvalidSubmissionException when a field needs changing or the robot check failed
     * @throws IdempotencyConflictException when the key was used before for a different submission
     */
    public SubmittedReport submit(ReportSubmission submission, String idempotencyKey, Channel channel, String remoteIp) {
        if (channel == Channel.OPEN311) {
            throw new IllegalArgumentException("An Open311 request is submitted with its API key: submitWithKey");
        }
        return submissions.submit(kind(channel), submission, idempotencyKey, remoteIp);
    }

    /**
     * Saves and routes a report an Open311 client sent with a valid API key allowed to send it (checked
     * by the caller): the same validation, screening, routing and duplicate linking as every report,
     * no robot check (the key stands for it), and the per-key limit instead of the per-address one.
     */
    public SubmittedReport submitWithKey(ReportSubmission submission, ApiTokens.Open311Key key) {
        Objects.requireNonNull(key, "an Open311 request needs its API key");
        return submissions.submit(kind(Channel.OPEN311), submission, null, "token-" + key.tokenId());
    }

    /** The report saved with this idempotency key, with its access code, if there is one. */
    public Optional<SubmittedReport> submitted(String idempotencyKey) {
        return submissions.saved(kind(Channel.WEB), idempotencyKey);
    }

    /** What a report brings to the submission pipeline; {@code channel} is where it came in. */
    private Submissions.Kind<ReportSubmission, SubmittedReport> kind(Channel channel) {
        boolean keyed = channel == Channel.OPEN311;
        return new Submissions.Kind<>(CAPTCHA_ACTION,
                "We could not confirm that you are not a robot. Complete the check and send your report again", "",
                this::validate, keyed ? null : ReportSubmission::captchaToken, this::fingerprint,
                (keyHash, accessCode) -> Report.findByIdempotencyKey(keyHash).map(report -> new Submissions.Earlier<>(
                        report.requestHash, view(report, intake.find(report).orElseThrow(), accessCode, earlierReport(report)))),
                (submission, receipt) -> save(submission, channel, receipt),
                keyed ? ClientLimits.Limit.OPEN311_REQUESTS : ClientLimits.Limit.REPORTS,
                this::linkDuplicates);
    }

    /**
     * Links a committed report to its possible duplicates. The report is saved and acknowledged
     * whatever happens here: if the database fails now, it is left unlinked for staff to spot.
     */
    private SubmittedReport linkDuplicates(SubmittedReport saved) {
        try {
            return saved.withPossibleDuplicate(duplicates.linkPossibleDuplicates(saved.reference()));
        } catch (RuntimeException e) {
            LOG.warnf("Report %s saved but not checked for possible duplicates: %s", saved.reference(), e.getMessage());
            return saved;
        }
    }

    /** Whether any report has been received. */
    @Transactional
    public boolean anyReports() {
        return Report.count() > 0;
    }

    /** Every problem with a submission, in the order the questions are asked. */
    public List<FieldError> validate(ReportSubmission submission) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<ReportSubmission> violation : validator.validate(submission)) {
            errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (submission.categoryCode() != null && !submission.categoryCode().isBlank()
                && categories.find(submission.categoryCode()).isEmpty()) {
            errors.add(new FieldError("categoryCode", "Select the kind of behaviour you are reporting from the list"));
        }
        if (submission.occurredOn() != null) {
            LocalDate today = calendar.today();
            if (submission.occurredOn().isAfter(today)) {
                errors.add(new FieldError("occurredOn", "The date it happened must be today or in the past"));
            } else if (submission.occurredOn().isBefore(today.minusYears(10))) {
                errors.add(new FieldError("occurredOn", "The date it happened must be within the last 10 years"));
            }
        }
        if (submission.location() != null) {
            validateLocation(submission.location(), errors);
        }
        validateReporter(submission.anonymous(), submission.reporter(), errors);
        return errors.stream()
                .distinct()
                .sorted(Comparator.comparingInt(e -> fieldOrder(e.field())))
                .toList();
    }

    private SubmittedReport save(ReportSubmission submission, Channel channel, Submissions.Receipt receipt) {
        CaptchaResult robotCheck = receipt.robotCheck();
        Report report = newReport(submission, channel, robotCheck);
        report.reference = uniqueReference();
        report.accessCodeHash = receipt.accessCodeHash();
        report.idempotencyKey = receipt.keyHash();
        report.requestHash = receipt.requestHash();
        report.wardCode = locate(submission.location());
        RiskAssessment risk = riskScreener.screen(submission.risk(), report.stillHappening);
        report.riskLevel = risk.level();
        report.riskScore = risk.score();
        report.riskReasons = String.join("\n", risk.reasons());
        report.persist();
        saveEquality(report, submission.equality());
        history.record(report, "RECEIVED", true, "We received your report.", ReportEvent.SYSTEM);
        attachEvidence(report, channel, receipt);
        history.record(report, "SCREENED", false, "Risk " + report.riskLevel.label() + " (score " + report.riskScore + ")"
                + (report.riskReasons.isEmpty() ? "" : ": " + report.riskReasons.replace("\n", "; ")), ReportEvent.SYSTEM);
        placedBy(submission.location(), report.wardCode).ifPresent(how -> history.record(report, "PLACED", false, how,
                ReportEvent.SYSTEM));
        ReportIntake.Intake intake = this.intake.take(report);
        recordChecks(report, robotCheck);
        String earlier = earlierReport(report);
        receipts.received(report, report.category.name, intake.handledBy(), intake.firstContactDueBy(), earlier);
        received.fire(new ReportChanges.Received(report.id));
        LOG.infof("Report %s saved: risk %s, queue %s%s", report.reference, report.riskLevel, intake.queueCode(),
                robotCheck.verified() || robotCheck.outcome() == CaptchaResult.Outcome.NOT_REQUIRED ? "" : ", unverified");
        return view(report, intake, receipt.accessCode(), earlier);
    }

    /** The files the resident added on the web journey's draft become the report's, in the same transaction. */
    private void attachEvidence(Report report, Channel channel, Submissions.Receipt receipt) {
        if (channel != Channel.WEB) {
            return;
        }
        int files = evidence.attachDraftFiles(receipt.keyHash(), report);
        if (files > 0) {
            history.record(report, EvidenceService.ADDED, true, files == 1 ? "You sent 1 file with your report."
                    : "You sent " + files + " files with your report.", ReportEvent.SYSTEM);
        }
    }

    /**
     * The same victim's latest other report within the last six months, which entitles them to ask for
     * a case review after a second report (the statutory guidance asks agencies to tell them); none for
     * an anonymous report.
     */
    private String earlierReport(Report report) {
        if (report.anonymous || report.reporterEmail == null && report.reporterPhone == null) {
            return null;
        }
        Instant since = calendar.now().atZone(calendar.zone()).minus(CASE_REVIEW_PROMPT_WITHIN).toInstant();
        return Report.earlierBySameVictim(report.id, since).orElse(null);
    }

    private Report newReport(ReportSubmission submission, Channel channel, CaptchaResult robotCheck) {
        Report report = new Report();
        report.status = ReportStatus.RECEIVED;
        // A known kind (validated against the kinds held in memory): referenced, not read again.
        report.category = Category.getEntityManager().getReference(Category.class, submission.categoryCode());
        report.description = submission.description();
        report.peopleInvolved = blankToNull(submission.peopleInvolved());
        report.occurredOn = submission.occurredOn();
        report.occurredTime = submission.occurredTime();
        report.stillHappening = Boolean.TRUE.equals(submission.stillHappening());
        report.frequency = submission.frequency();
        Location location = submission.location();
        report.locationDescription = location.description().strip();
        report.town = blankToNull(location.town());
        report.latitude = location.latitude() == null ? null : BigDecimal.valueOf(location.latitude());
        report.longitude = location.longitude() == null ? null : BigDecimal.valueOf(location.longitude());
        ReportSubmission.RiskAnswers risk = submission.risk();
        report.happenedBefore = risk.happenedBefore();
        report.targetedForIdentity = Boolean.TRUE.equals(risk.targetedForIdentity());
        report.targetedBecause = risk.targetedBecause().isEmpty() ? null
                : risk.targetedBecause().stream().map(Enum::name).distinct().collect(Collectors.joining(","));
        report.impact = risk.impact();
        report.feelsUnsafeAtHome = Boolean.TRUE.equals(risk.feelsUnsafeAtHome());
        report.vulnerableAffected = Boolean.TRUE.equals(risk.vulnerablePeopleAffected());
        report.youngPeopleInvolved = risk.youngPeopleInvolved() == YesNoNotSure.YES;
        Reporter reporter = submission.reporter();
        report.anonymous = submission.anonymous();
        report.reporterRole = reporter.role();
        if (!submission.anonymous()) {
            report.reporterName = blankToNull(reporter.name());
            report.reporterEmail = blankToNull(reporter.email());
            report.reporterPhone = blankToNull(reporter.phone());
            report.preferredContact = reporter.preferredContact();
            report.safeContact = reporter.safeContact() == null || reporter.safeContact().isEmpty() ? null
                    : reporter.safeContact().stream().filter(Objects::nonNull).distinct().sorted().map(Enum::name)
                            .collect(Collectors.joining(","));
            report.safeContactTimes = blankToNull(reporter.safeContactTimes());
        }
        report.consentToShare = submission.consentToShare();
        report.privacyNoticeVersion = notices.current().id();
        report.captchaOutcome = robotCheck.outcome();
        report.channel = channel;
        report.submittedAt = calendar.now();
        return report;
    }

    /** For staff, how the ward was found when the resident neither chose it nor gave a map point. */
    private Optional<String> placedBy(Location location, String wardCode) {
        boolean chosen = location.wardCode() != null && !location.wardCode().isBlank();
        boolean pointed = location.latitude() != null && location.longitude() != null;
        if (chosen || pointed) {
            return Optional.empty();
        }
        return Optional.of(wardCode == null ? "Ward not known: no ward or map point given, and the place described "
                + "is not one the place search knows in a single ward"
                : "Ward found from the place described: " + wards.find(wardCode).map(WardRef::name).orElse(wardCode));
    }

    /**
     * The report's ward: the one the resident chose, else the one its map point is in, else the one
     * of the place its description names when the gazetteer knows it for certain; else not known.
     */
    private String locate(Location location) {
        if (location.wardCode() != null && !location.wardCode().isBlank()) {
            return location.wardCode();
        }
        if (location.latitude() != null && location.longitude() != null) {
            return wardLocator.locate(location.latitude(), location.longitude())
                    .map(WardRef::code)
                    .orElse(null);
        }
        return places.wardOfDescription(location.description()).orElse(null);
    }

    private static void saveEquality(Report report, ReportSubmission.Equality equality) {
        if (equality == null || equality.isEmpty()) {
            return;
        }
        EqualityMonitoring monitoring = new EqualityMonitoring();
        monitoring.reportId = report.id;
        monitoring.ageBand = equality.ageBand();
        monitoring.sex = equality.sex();
        monitoring.ethnicity = equality.ethnicity();
        monitoring.disability = equality.disability();
        monitoring.persist();
    }

    private void recordChecks(Report report, CaptchaResult robotCheck) {
        if (robotCheck.outcome() == CaptchaResult.Outcome.UNAVAILABLE) {
            history.record(report, "UNVERIFIED", false,
                    "The robot check service could not be reached (" + robotCheck.reason() + "); accepted unverified.",
                    ReportEvent.SYSTEM);
        }
    }

    private static SubmittedReport view(Report report, ReportIntake.Intake intake, String accessCode, String earlierReport) {
        return new SubmittedReport(report.reference, accessCode, report.riskLevel, intake.queueCode(), intake.queueName(),
                intake.handledBy(), report.wardCode, report.category.code, intake.firstContactDueBy(),
                report.captchaOutcome != CaptchaResult.Outcome.UNAVAILABLE, report.possibleDuplicate, earlierReport);
    }

    private String uniqueReference() {
        String reference;
        do {
            reference = accessCodes.newReference(REFERENCE_PREFIX);
        } while (Report.findByReference(reference).isPresent());
        return reference;
    }

    /** A hash of everything in a submission but its robot check token. */
    String fingerprint(ReportSubmission submission) {
        try {
            ReportSubmission withoutToken = new ReportSubmission(submission.categoryCode(), submission.description(),
                    submission.peopleInvolved(), submission.occurredOn(), submission.occurredTime(),
                    submission.stillHappening(), submission.frequency(), submission.location(), submission.anonymous(),
                    submission.reporter(), submission.risk(), submission.consentToShare(), submission.equality(), null);
            return AccessCodes.sha256(objectMapper.writeValueAsString(withoutToken));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A report submission could not be serialised", e);
        }
    }

    private void validateLocation(Location location, List<FieldError> errors) {
        if (location.wardCode() != null && !location.wardCode().isBlank() && wards.find(location.wardCode()).isEmpty()) {
            errors.add(new FieldError("location.wardCode", "Select a ward from the list, or choose \u201cI\u2019m not sure\u201d"));
        }
        if ((location.latitude() == null) != (location.longitude() == null)) {
            errors.add(new FieldError(location.latitude() == null ? "location.latitude" : "location.longitude",
                    "Enter both latitude and longitude of the map point, or neither"));
        }
    }

    private static void validateReporter(boolean anonymous, Reporter reporter, List<FieldError> errors) {
        if (reporter == null) {
            errors.add(new FieldError("reporter.role", "Select whether you are the victim or a witness"));
            return;
        }
        if (anonymous) {
            return;
        }
        if (isBlank(reporter.name())) {
            errors.add(new FieldError("reporter.name", "Enter your name, or choose to stay anonymous"));
        }
        if (isBlank(reporter.email()) && isBlank(reporter.phone())) {
            errors.add(new FieldError("reporter.email", "Enter an email address or a telephone number so we can contact you"));
        }
        if (reporter.preferredContact() == ContactMethod.EMAIL && isBlank(reporter.email())) {
            errors.add(new FieldError("reporter.preferredContact", "Enter an email address if you would like us to contact you by email"));
        }
        if (reporter.preferredContact() == ContactMethod.PHONE && isBlank(reporter.phone())) {
            errors.add(new FieldError("reporter.preferredContact", "Enter a telephone number if you would like us to contact you by phone"));
        }
    }

    private static int fieldOrder(String field) {
        int index = FIELD_ORDER.indexOf(field);
        return index < 0 ? FIELD_ORDER.size() : index;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}
