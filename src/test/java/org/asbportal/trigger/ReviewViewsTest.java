package org.asbportal.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.asbportal.trigger.ReviewViews.AgencyView;
import org.asbportal.trigger.ReviewViews.Applicant;
import org.asbportal.trigger.ReviewViews.DecisionView;
import org.asbportal.trigger.ReviewViews.EscalationView;
import org.asbportal.trigger.ReviewViews.MeetingView;
import org.asbportal.trigger.ReviewViews.OutcomeView;
import org.asbportal.trigger.ReviewViews.QueuePage;
import org.asbportal.trigger.ReviewViews.RecommendationView;
import org.asbportal.trigger.ReviewViews.Review;
import org.asbportal.trigger.ReviewViews.StepView;
import org.asbportal.trigger.TriggerEscalation.About;
import org.asbportal.trigger.TriggerEscalation.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the coordinator's application page offers in each status of a review, and which step comes
 * next, decided by the view rather than the template. Fixed dates: received on Monday 2 March 2026.
 */
class ReviewViewsTest {

    static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);
    static final Instant DONE_AT = Instant.parse("2026-03-03T10:00:00Z");

    /** Every question the page asks, by name, so each state is checked against all of them. */
    static final Map<String, Predicate<Review>> RULES = Map.of(
            "mayAcknowledge", Review::mayAcknowledge,
            "mayConfirmComplaints", Review::mayConfirmComplaints,
            "mayDecide", Review::mayDecide,
            "mayRecordAgencyInformation", Review::mayRecordAgencyInformation,
            "mayRecordMeeting", Review::mayRecordMeeting,
            "mayAddRecommendation", Review::mayAddRecommendation,
            "mayRecordOutcome", Review::mayRecordOutcome,
            "mayEscalate", Review::mayEscalate,
            "mayDecideEscalation", Review::mayDecideEscalation);

    // ---------------------------------------------------------------- what may be done, status by status

    @Test
    void aReceivedApplicationMayOnlyBeAcknowledgedAndItsComplaintsConfirmed() {
        Review review = review(TriggerStatus.RECEIVED, steps(0, false), null, null, null, null, null);

        assertThat(allowed(review)).containsExactlyInAnyOrder("mayAcknowledge", "mayConfirmComplaints");
        assertThat(review.nextStep().step()).isEqualTo(TriggerStep.ACKNOWLEDGE);
    }

    @Test
    void anAcknowledgedApplicationWaitsForTheThresholdDecision() {
        Review review = review(TriggerStatus.ACKNOWLEDGED, steps(1, false), null, null, null, null, null);

        assertThat(allowed(review)).containsExactlyInAnyOrder("mayDecide", "mayConfirmComplaints");
        assertThat(review.nextStep().step()).isEqualTo(TriggerStep.THRESHOLD_DECISION);
    }

    @Test
    void belowTheThresholdThereIsNoReviewAndTheApplicantMayAskForTheDecisionToBeLookedAtAgain() {
        Review review = review(TriggerStatus.THRESHOLD_NOT_MET, steps(2, true), decision(false), null, null, null, null);

        assertThat(allowed(review)).containsExactly("mayEscalate");
        assertThat(review.proceeding()).isFalse();
        assertThat(review.nextStep()).isNull();
    }

    @Test
    void onceTheReviewStartsTheAgenciesMeetingAndRecommendationsMayBeRecordedButNotYetTheOutcome() {
        Review review = review(TriggerStatus.REVIEW_IN_PROGRESS, steps(2, false), decision(true), null, null, null, null);

        assertThat(allowed(review)).containsExactlyInAnyOrder("mayRecordAgencyInformation", "mayRecordMeeting",
                "mayAddRecommendation");
        assertThat(review.nextStep().step()).isEqualTo(TriggerStep.AGENCY_INFORMATION);
    }

    @Test
    void aReviewGoingAheadAtDiscretionBelowTheThresholdIsWorkedLikeAnyOther() {
        DecisionView discretion = new DecisionView(RECEIVED.plusDays(5), false, 1, 3, true, true, "Vulnerable", "coordinator",
                true);
        Review review = review(TriggerStatus.REVIEW_IN_PROGRESS, steps(2, false), discretion, null, null, null, null);

        assertThat(allowed(review)).containsExactlyInAnyOrder("mayRecordAgencyInformation", "mayRecordMeeting",
                "mayAddRecommendation");
    }

    @Test
    void afterTheMeetingTheOutcomeIsNext() {
        Review review = review(TriggerStatus.REVIEW_IN_PROGRESS, steps(4, false), decision(true), agencies(), meeting(), null,
                null);

        assertThat(allowed(review)).containsExactlyInAnyOrder("mayAddRecommendation", "mayRecordOutcome");
        assertThat(review.nextStep().step()).isEqualTo(TriggerStep.OUTCOME);
    }

    @Test
    void aCompleteReviewTakesNoMoreStepsButTheApplicantMayAskForTheOutcomeToBeLookedAtAgain() {
        Review review = review(TriggerStatus.REVIEW_COMPLETE, steps(5, false), decision(true), agencies(), meeting(), outcome(),
                null);

        assertThat(allowed(review)).containsExactly("mayEscalate");
        assertThat(review.nextStep()).isNull();
    }

    @Test
    void anEscalationWaitsForItsDecisionAndCannotBeAskedForTwice() {
        Review review = review(TriggerStatus.ESCALATED, steps(5, false), decision(true), agencies(), meeting(), outcome(),
                escalation(null));

        assertThat(allowed(review)).containsExactly("mayDecideEscalation");
    }

    @ParameterizedTest
    @EnumSource(value = TriggerStatus.class, names = {"ESCALATION_UPHELD", "ESCALATION_NOT_UPHELD"})
    void aDecidedEscalationLeavesNothingToDo(TriggerStatus status) {
        Decision decision = status == TriggerStatus.ESCALATION_UPHELD ? Decision.UPHELD : Decision.NOT_UPHELD;
        Review review = review(status, steps(2, true), decision(false), null, null, null, escalation(decision));

        assertThat(allowed(review)).isEmpty();
        assertThat(review.nextStep()).isNull();
    }

    /** The applicant's status page and the coordinator's page ask the same rule. */
    @ParameterizedTest
    @EnumSource(TriggerStatus.class)
    void theApplicantMayEscalateOnlyOnceTheDecisionOrTheOutcomeIsGiven(TriggerStatus status) {
        assertThat(status.mayEscalate())
                .isEqualTo(Set.of(TriggerStatus.THRESHOLD_NOT_MET, TriggerStatus.REVIEW_COMPLETE).contains(status));
    }

    // ---------------------------------------------------------------- the step that comes next

    @Test
    void theNextStepIsTheOpenOneDueSoonest() {
        List<StepView> steps = List.of(
                step(TriggerStep.ACKNOWLEDGE, RECEIVED.plusDays(3), true, false),
                step(TriggerStep.THRESHOLD_DECISION, RECEIVED.plusDays(10), true, false),
                step(TriggerStep.AGENCY_INFORMATION, RECEIVED.plusDays(40), false, false),
                step(TriggerStep.REVIEW_MEETING, RECEIVED.plusDays(30), false, false),
                step(TriggerStep.OUTCOME, RECEIVED.plusDays(20), false, true));

        assertThat(ReviewViews.nextStep(steps).step()).isEqualTo(TriggerStep.REVIEW_MEETING);
    }

    @Test
    void ofStepsDueTheSameDayTheEarlierInTheReviewComesNext() {
        List<StepView> steps = List.of(
                step(TriggerStep.ACKNOWLEDGE, RECEIVED.plusDays(3), true, false),
                step(TriggerStep.THRESHOLD_DECISION, RECEIVED.plusDays(10), true, false),
                step(TriggerStep.AGENCY_INFORMATION, RECEIVED.plusDays(30), false, false),
                step(TriggerStep.REVIEW_MEETING, RECEIVED.plusDays(30), false, false),
                step(TriggerStep.OUTCOME, RECEIVED.plusDays(45), false, false));

        assertThat(ReviewViews.nextStep(steps).step()).isEqualTo(TriggerStep.AGENCY_INFORMATION);
    }

    // ---------------------------------------------------------------- the smaller views

    @Test
    void progressMayBeNotedOnARecommendationUntilItIsDone() {
        RecommendationView open = recommendation(TriggerRecommendation.Status.OPEN);
        RecommendationView done = recommendation(TriggerRecommendation.Status.DONE);

        assertThat(open.mayRecordProgress()).isTrue();
        assertThat(open.done()).isFalse();
        assertThat(done.mayRecordProgress()).isFalse();
        assertThat(done.done()).isTrue();
    }

    @Test
    void theQueueFilterSelectsTheStatusItFiltersOn() {
        QueuePage page = new QueuePage(List.of(), 1, false, "ESCALATED", false);

        assertThat(page.filtersOn(TriggerStatus.ESCALATED)).isTrue();
        assertThat(page.filtersOn(TriggerStatus.RECEIVED)).isFalse();
        assertThat(new QueuePage(List.of(), 1, false, null, false).filtersOn(TriggerStatus.RECEIVED)).isFalse();
    }

    @Test
    void anEscalationSaysWhetherTheApplicantAskedThemselves() {
        assertThat(escalation(null).byApplicant()).isTrue();
        assertThat(new EscalationView(About.DECISION, About.DECISION.label(), "Reason", DONE_AT, "coordinator", null, null, null,
                null, null).byApplicant()).isFalse();
    }

    // ---------------------------------------------------------------- fixtures

    static List<String> allowed(Review review) {
        return RULES.entrySet().stream().filter(rule -> rule.getValue().test(review)).map(Map.Entry::getKey).toList();
    }

    /** The five steps, the first {@code done} of them completed, the rest not needed when {@code notNeeded}. */
    static List<StepView> steps(int done, boolean notNeeded) {
        List<StepView> steps = new ArrayList<>();
        TriggerStep[] all = TriggerStep.values();
        for (int i = 0; i < all.length; i++) {
            steps.add(step(all[i], RECEIVED.plusDays(5L * (i + 1)), i < done, i >= done && notNeeded));
        }
        return steps;
    }

    static StepView step(TriggerStep step, LocalDate dueBy, boolean done, boolean notNeeded) {
        return new StepView(step, step.label(), dueBy, done ? DONE_AT : null, done ? "coordinator" : null, notNeeded, false);
    }

    static DecisionView decision(boolean met) {
        return new DecisionView(RECEIVED.plusDays(5), met, met ? 3 : 1, 3, false, null, met ? null : "Only one complaint",
                "coordinator", met);
    }

    static AgencyView agencies() {
        return new AgencyView(List.of(Agencies.COUNCIL), List.of(Agencies.COUNCIL.label()), null, "Two warnings given.");
    }

    static MeetingView meeting() {
        return new MeetingView(RECEIVED.plusDays(20), "Jo Independent", true, List.of(Agencies.COUNCIL),
                List.of(Agencies.COUNCIL.label()), true, null, "Warnings were not followed up.");
    }

    static OutcomeView outcome() {
        return new OutcomeView("Warnings will be followed up.", RECEIVED.plusDays(25), true);
    }

    static EscalationView escalation(Decision decision) {
        return new EscalationView(About.OUTCOME, About.OUTCOME.label(), "Nothing has changed.", DONE_AT,
                TriggerEscalation.APPLICANT, decision, decision == null ? null : decision.label(),
                decision == null ? null : "Reasons", decision == null ? null : "coordinator", decision == null ? null : DONE_AT);
    }

    static RecommendationView recommendation(TriggerRecommendation.Status status) {
        return new RecommendationView(1, "Follow up warnings", "Council", RECEIVED.plusDays(60), status, false, 0, List.of());
    }

    static Review review(TriggerStatus status, List<StepView> steps, DecisionView decision, AgencyView agencies,
            MeetingView meeting, OutcomeView outcome, EscalationView escalation) {
        return new Review("CT-2222-2222", status, status.label(), status.explanation(), 0, RECEIVED, DONE_AT,
                new Applicant("Alex Applicant", null, null, ApplicantType.PERSON, null, null), "Noise", "Cannot sleep", null,
                false, 3, 3, 3, true, List.of(), steps, decision, agencies, meeting, List.of(), outcome, escalation, List.of(), null, null);
    }
}
