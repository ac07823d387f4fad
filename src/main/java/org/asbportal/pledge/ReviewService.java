package org.asbportal.pledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.asbportal.web.Calendar;
import org.asbportal.pledge.AssessmentViews.Assessment;
import org.asbportal.pledge.AssessmentViews.SignedOrganisation;
import org.asbportal.pledge.AssessmentViews.Summary;
import org.asbportal.security.AuditLog;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;

/**
 * The PLEDGE reviewers' work: the queue of submitted assessments, reading one (audited: it names
 * the organisation's contacts), and accepting it or returning it with feedback. Every contact of the
 * organisation is emailed the decision through the outbox.
 */
@ApplicationScoped
public class ReviewService {

    public enum Decision { ACCEPTED, RETURNED }

    public record Contact(String name, String email) {
    }

    public record ReviewPage(Assessment assessment, List<Contact> contacts) {
    }

    private final AssessmentService assessments;
    private final PledgeMail mail;
    private final AuditLog audit;

    private final Calendar calendar;

    public ReviewService(AssessmentService assessments, PledgeMail mail, AuditLog audit, Calendar calendar) {
        this.calendar = calendar;
        this.assessments = assessments;
        this.mail = mail;
        this.audit = audit;
    }

    /** Submitted assessments waiting for a decision, oldest first. */
    @Transactional
    public List<Summary> queue() {
        return PledgeAssessment.<PledgeAssessment>list("status = ?1 order by submittedAt, id", AssessmentStatus.SUBMITTED)
                .stream().map(AssessmentService::summary).toList();
    }

    /** Assessments decided on most recently. */
    @Transactional
    public List<Summary> decided() {
        return PledgeAssessment.<PledgeAssessment>find("status in ?1 and submittedAt is not null order by submittedAt desc, id desc",
                List.of(AssessmentStatus.ACCEPTED, AssessmentStatus.RETURNED)).page(0, 50).list()
                .stream().map(AssessmentService::summary).toList();
    }

    @Transactional
    public ReviewPage read(String reviewer, Long id) {
        PledgeAssessment assessment = submittedOnce(id);
        audit.record(reviewer, "PLEDGE_REVIEW_READ", assessment.reference(), null);
        List<Contact> contacts = PledgeContact.ofOrganisation(assessment.organisation.id).stream()
                .map(c -> new Contact(c.name, c.email)).toList();
        return new ReviewPage(assessments.view(assessment), contacts);
    }

    /** Records the decision, with a comment per section (section id to text), and emails the organisation. */
    @Transactional
    public void decide(String reviewer, Long id, String decision, String feedback, Map<Long, String> comments) {
        PledgeAssessment assessment = submittedOnce(id);
        List<FieldError> errors = new ArrayList<>();
        Decision chosen = null;
        try {
            chosen = decision == null ? null : Decision.valueOf(decision);
        } catch (IllegalArgumentException e) {
            chosen = null;
        }
        if (chosen == null) {
            errors.add(new FieldError("decision", "Select whether to accept the assessment or return it"));
        }
        String text = feedback == null ? "" : feedback.strip();
        if (chosen == Decision.RETURNED && text.isEmpty()) {
            errors.add(new FieldError("feedback", "Enter feedback saying what the organisation should change"));
        }
        if (text.length() > 4000) {
            errors.add(new FieldError("feedback", "Feedback must be 4,000 characters or fewer"));
        }
        comments.forEach((sectionId, comment) -> {
            if (comment != null && comment.strip().length() > 2000) {
                errors.add(new FieldError("comment-" + sectionId, "A comment must be 2,000 characters or fewer"));
            }
        });
        if (assessment.status != AssessmentStatus.SUBMITTED) {
            errors.add(new FieldError("decision", "This assessment has already been " + assessment.status.label.toLowerCase()
                    + ". Nothing was changed"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        PledgeReview review = new PledgeReview();
        review.assessment = assessment;
        review.decision = chosen.name();
        review.feedback = text.isEmpty() ? null : text;
        review.reviewer = reviewer;
        review.decidedAt = calendar.now();
        review.persist();
        for (PledgeSection section : assessment.questionnaire.sections) {
            String comment = comments.get(section.id);
            if (comment != null && !comment.isBlank()) {
                PledgeReviewComment row = new PledgeReviewComment();
                row.review = review;
                row.section = section;
                row.comment = comment.strip();
                row.persist();
            }
        }
        assessment.status = chosen == Decision.ACCEPTED ? AssessmentStatus.ACCEPTED : AssessmentStatus.RETURNED;
        audit.record(reviewer, "PLEDGE_REVIEW_" + chosen.name(), assessment.reference(), null);
        for (PledgeContact contact : PledgeContact.ofOrganisation(assessment.organisation.id)) {
            mail.reviewed(contact, assessment, chosen == Decision.ACCEPTED, review.feedback);
        }
    }

    /** Organisations that signed the PLEDGE and agreed to be listed, with the date of their latest signature. */
    @Transactional
    public List<SignedOrganisation> signed() {
        List<PledgeAssessment> signed = PledgeAssessment.list(
                "listPublicly = true and signedOn is not null order by organisation.name, signedOn desc");
        List<SignedOrganisation> out = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        for (PledgeAssessment a : signed) {
            if (!seen.contains(a.organisation.id)) {
                seen.add(a.organisation.id);
                out.add(new SignedOrganisation(a.organisation.name, a.organisation.type.label, a.signedOn));
            }
        }
        return out;
    }

    private static PledgeAssessment submittedOnce(Long id) {
        return PledgeAssessment.<PledgeAssessment>findByIdOptional(id).filter(a -> a.submittedAt != null)
                .orElseThrow(() -> new NotFoundException("No submitted assessment with that number"));
    }
}
