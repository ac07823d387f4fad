package org.asbportal.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.asbportal.trigger.ThresholdRules.Assessment;
import org.asbportal.trigger.ThresholdRules.Complaint;
import org.asbportal.trigger.ThresholdRules.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The threshold rules at their edges. "Within one month" is a calendar month added to the day of
 * the behaviour, that day included: 1 April → 1 May (30 days), 1 January → 1 February (31 days),
 * 31 January → 28 February.
 */
class ThresholdRulesTest {

    static final LocalDate APPLIED = LocalDate.of(2026, 6, 1);

    static ThresholdRules rules(Map<String, String> properties) {
        return new ThresholdRules(config(properties));
    }

    static TriggerConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(TriggerConfig.class)
                .withDefaultValues(properties)
                .build()
                .getConfigMapping(TriggerConfig.class);
    }

    static Verdict only(ThresholdRules rules, LocalDate appliedOn, Complaint complaint) {
        return rules.assess(appliedOn, false, List.of(complaint)).complaints().get(0);
    }

    static Complaint portal(String behaviourOn, String reportedOn) {
        return Complaint.portal("ASB-2222-2222", LocalDate.parse(reportedOn), LocalDate.parse(behaviourOn));
    }

    // ---------------------------------------------------------------- within one month of the behaviour

    @Test
    void complaintThirtyDaysAfterBehaviourInAThirtyDayMonthQualifies() {
        Verdict verdict = only(rules(Map.of()), APPLIED, portal("2026-04-01", "2026-05-01"));

        assertThat(verdict.qualifies()).isTrue();
        assertThat(verdict.reason()).isEqualTo("Made within 1 month of the behaviour and within 6 months before the application");
    }

    @Test
    void complaintThirtyOneDaysAfterBehaviourInAThirtyDayMonthDoesNotQualify() {
        Verdict verdict = only(rules(Map.of()), APPLIED, portal("2026-04-01", "2026-05-02"));

        assertThat(verdict.qualifies()).isFalse();
        assertThat(verdict.reason()).isEqualTo("Reported 31 days after the behaviour: complaints must be made within 1 month");
    }

    @Test
    void oneMonthIsACalendarMonthSoThirtyOneDaysQualifyAfterBehaviourInJanuary() {
        assertThat(only(rules(Map.of()), APPLIED, portal("2026-01-01", "2026-02-01")).qualifies()).isTrue();
        assertThat(only(rules(Map.of()), APPLIED, portal("2026-01-01", "2026-02-02")).reason())
                .isEqualTo("Reported 32 days after the behaviour: complaints must be made within 1 month");
    }

    @Test
    void behaviourOnTheLastDayOfJanuaryMayBeReportedUntilTheLastDayOfFebruary() {
        LocalDate applied = LocalDate.of(2026, 3, 10);
        assertThat(only(rules(Map.of()), applied, portal("2026-01-31", "2026-02-28")).qualifies()).isTrue();
        assertThat(only(rules(Map.of()), applied, portal("2026-01-31", "2026-03-01")).qualifies()).isFalse();
        // 2028 is a leap year
        assertThat(only(rules(Map.of()), LocalDate.of(2028, 3, 10), portal("2028-01-31", "2028-02-29")).qualifies()).isTrue();
    }

    @Test
    void complaintOnTheDayOfTheBehaviourQualifies() {
        assertThat(only(rules(Map.of()), APPLIED, portal("2026-05-20", "2026-05-20")).qualifies()).isTrue();
    }

    @Test
    void complaintDatedBeforeTheBehaviourDoesNotQualify() {
        Verdict verdict = only(rules(Map.of()), APPLIED, Complaint.otherAgency("Police", LocalDate.parse("2026-05-01"),
                LocalDate.parse("2026-05-03")));

        assertThat(verdict.qualifies()).isFalse();
        assertThat(verdict.reason()).isEqualTo("The complaint is dated before the behaviour it is about: check the dates");
    }

    @Test
    void aPartnershipMayGiveLongerToComplain() {
        ThresholdRules rules = rules(Map.of("asb.trigger.complaint-within", "P2M"));

        assertThat(only(rules, APPLIED, portal("2026-03-01", "2026-05-01")).qualifies()).isTrue();
        assertThat(only(rules, APPLIED, portal("2026-03-01", "2026-05-02")).reason())
                .isEqualTo("Reported 62 days after the behaviour: complaints must be made within 2 months");
    }

    // ---------------------------------------------------------------- within six months of the complaint

    @Test
    void applicationSixMonthsAfterTheComplaintCountsIt() {
        Verdict verdict = only(rules(Map.of()), LocalDate.of(2026, 9, 15), portal("2026-03-10", "2026-03-15"));

        assertThat(verdict.qualifies()).isTrue();
    }

    @Test
    void applicationSixMonthsAndADayAfterTheComplaintDoesNotCountIt() {
        Verdict verdict = only(rules(Map.of()), LocalDate.of(2026, 9, 16), portal("2026-03-10", "2026-03-15"));

        assertThat(verdict.qualifies()).isFalse();
        assertThat(verdict.reason()).isEqualTo("Made more than 6 months before the application");
    }

    // ---------------------------------------------------------------- the threshold

    @Test
    void twoQualifyingComplaintsDoNotMeetTheStatutoryThreshold() {
        Assessment assessment = rules(Map.of()).assess(APPLIED, false,
                List.of(portal("2026-05-01", "2026-05-01"), portal("2026-05-08", "2026-05-09")));

        assertThat(assessment.threshold()).isEqualTo(3);
        assertThat(assessment.qualifyingComplaints()).isEqualTo(2);
        assertThat(assessment.thresholdMet()).isFalse();
    }

    @Test
    void threeQualifyingComplaintsMeetTheStatutoryThreshold() {
        Assessment assessment = rules(Map.of()).assess(APPLIED, false, List.of(portal("2026-05-01", "2026-05-01"),
                portal("2026-05-08", "2026-05-09"), portal("2026-05-15", "2026-05-15")));

        assertThat(assessment.qualifyingComplaints()).isEqualTo(3);
        assertThat(assessment.thresholdMet()).isTrue();
    }

    @Test
    void complaintsThatDoNotQualifyDoNotCountTowardsTheThreshold() {
        Assessment assessment = rules(Map.of()).assess(APPLIED, false, List.of(portal("2026-05-01", "2026-05-01"),
                portal("2026-05-08", "2026-05-09"), portal("2026-03-01", "2026-04-15")));

        assertThat(assessment.complaints()).extracting(Verdict::qualifies).containsExactly(true, true, false);
        assertThat(assessment.qualifyingComplaints()).isEqualTo(2);
        assertThat(assessment.thresholdMet()).isFalse();
    }

    @Test
    void aPartnershipMayLowerTheThreshold() {
        Assessment assessment = rules(Map.of("asb.trigger.threshold", "2")).assess(APPLIED, false,
                List.of(portal("2026-05-01", "2026-05-01"), portal("2026-05-08", "2026-05-09")));

        assertThat(assessment.threshold()).isEqualTo(2);
        assertThat(assessment.thresholdMet()).isTrue();
    }

    @Test
    void oneHateIncidentMeetsAHateThresholdOfOne() {
        ThresholdRules rules = rules(Map.of("asb.trigger.hate-threshold", "1"));
        List<Complaint> one = List.of(portal("2026-05-01", "2026-05-02"));

        Assessment hate = rules.assess(APPLIED, true, one);
        Assessment notHate = rules.assess(APPLIED, false, one);

        assertThat(hate.threshold()).isEqualTo(1);
        assertThat(hate.thresholdMet()).isTrue();
        assertThat(notHate.threshold()).isEqualTo(3);
        assertThat(notHate.thresholdMet()).isFalse();
    }

    @Test
    void theHateThresholdIsTheThresholdUnlessSet() {
        Assessment assessment = rules(Map.of("asb.trigger.threshold", "2")).assess(APPLIED, true,
                List.of(portal("2026-05-01", "2026-05-02")));

        assertThat(assessment.threshold()).isEqualTo(2);
        assertThat(assessment.thresholdMet()).isFalse();
    }

    @Test
    void aHateComplaintMustStillQualify() {
        Assessment assessment = rules(Map.of("asb.trigger.hate-threshold", "1")).assess(APPLIED, true,
                List.of(portal("2026-03-01", "2026-04-15")));

        assertThat(assessment.qualifyingComplaints()).isZero();
        assertThat(assessment.thresholdMet()).isFalse();
    }

    // ---------------------------------------------------------------- the same incident, other agencies

    @Test
    void theSameIncidentReportedToTwoAgenciesIsCountedOnce() {
        Assessment assessment = rules(Map.of()).assess(APPLIED, false, List.of(
                Complaint.otherAgency("Bedfordshire Police", LocalDate.parse("2026-05-02"), LocalDate.parse("2026-05-01")),
                Complaint.otherAgency("bpha housing", LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-01")),
                portal("2026-05-08", "2026-05-09")));

        assertThat(assessment.qualifyingComplaints()).isEqualTo(2);
        assertThat(assessment.thresholdMet()).isFalse();
        Verdict second = assessment.complaints().get(1);
        assertThat(second.qualifies()).isFalse();
        assertThat(second.reason()).isEqualTo("Same incident as complaint 1, counted once");
        assertThat(second.sameIncidentAs()).isEqualTo(1);
        assertThat(assessment.complaints().get(0).qualifies()).isTrue();
    }

    @Test
    void aPortalReportIsCountedRatherThanAComplaintStillToConfirm() {
        Assessment assessment = rules(Map.of()).assess(APPLIED, false, List.of(
                Complaint.otherAgency("Bedfordshire Police", LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-01")),
                portal("2026-05-01", "2026-05-03")));

        assertThat(assessment.complaints()).extracting(Verdict::qualifies).containsExactly(false, true);
        assertThat(assessment.complaints().get(0).reason()).isEqualTo("Same incident as complaint 2, counted once");
    }

    @Test
    void ofComplaintsAboutTheSameDayTheEarliestMadeIsCountedWhateverTheOrderListed() {
        Assessment assessment = rules(Map.of()).assess(APPLIED, false, List.of(
                Complaint.otherAgency("bpha housing", LocalDate.parse("2026-05-06"), LocalDate.parse("2026-05-01")),
                Complaint.otherAgency("Bedfordshire Police", LocalDate.parse("2026-05-02"), LocalDate.parse("2026-05-01")),
                portal("2026-05-10", "2026-05-14"), portal("2026-05-10", "2026-05-11")));

        assertThat(assessment.complaints()).extracting(Verdict::qualifies).containsExactly(false, true, false, true);
        assertThat(assessment.complaints()).extracting(Verdict::sameIncidentAs).containsExactly(2, null, 4, null);
        assertThat(assessment.complaints().get(0).reason()).isEqualTo("Same incident as complaint 2, counted once");
        assertThat(assessment.qualifyingComplaints()).isEqualTo(2);
    }

    @Test
    void aPartnershipMayCountEveryComplaintOfTheSameIncident() {
        Assessment assessment = rules(Map.of("asb.trigger.count-same-incident-once", "false")).assess(APPLIED, false, List.of(
                Complaint.otherAgency("Bedfordshire Police", LocalDate.parse("2026-05-02"), LocalDate.parse("2026-05-01")),
                Complaint.otherAgency("bpha housing", LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-01"))));

        assertThat(assessment.qualifyingComplaints()).isEqualTo(2);
    }

    @Test
    void aLateComplaintAboutTheSameDayDoesNotHideTheOneThatQualifies() {
        Assessment assessment = rules(Map.of()).assess(APPLIED, false, List.of(
                portal("2026-04-01", "2026-05-20"), portal("2026-04-01", "2026-04-02")));

        assertThat(assessment.complaints()).extracting(Verdict::qualifies).containsExactly(false, true);
        assertThat(assessment.complaints().get(0).reason()).startsWith("Reported 49 days after the behaviour");
    }

    @Test
    void complaintsToOtherAgenciesCountProvisionallyAndAreFlaggedToConfirm() {
        Assessment assessment = rules(Map.of()).assess(APPLIED, false, List.of(
                Complaint.otherAgency("Bedfordshire Police", LocalDate.parse("2026-05-02"), LocalDate.parse("2026-05-01")),
                Complaint.otherAgency("Bedford Borough Council", LocalDate.parse("2026-05-09"), LocalDate.parse("2026-05-08")),
                portal("2026-05-15", "2026-05-15")));

        assertThat(assessment.thresholdMet()).isTrue();
        assertThat(assessment.complaints()).extracting(Verdict::toConfirm).containsExactly(true, true, false);
        assertThat(assessment.complaints().get(0).reason())
                .endsWith("; counted for now, to be confirmed with Bedfordshire Police");
    }

    @Test
    void aPortalReferenceToConfirmDoesNotQualifyAndIsLeftToConfirm() {
        Verdict verdict = only(rules(Map.of()), APPLIED, Complaint.portalToConfirm("ASB-2222-2222"));

        assertThat(verdict.qualifies()).isFalse();
        assertThat(verdict.toConfirm()).isTrue();
        assertThat(verdict.reason()).isEqualTo(ThresholdRules.PORTAL_TO_CONFIRM);
    }
}
