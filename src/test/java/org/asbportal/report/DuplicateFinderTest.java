package org.asbportal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Possible duplicates are linked, never rejected. Each test uses its own dates years back so that
 * reports from other tests cannot fall in its window.
 */
@QuarkusTest
class DuplicateFinderTest {

    @Inject
    ReportService reports;

    private SubmittedReport submit(Submissions submission) {
        return reports.submit(submission.build(), null, Channel.API, "127.0.0.1");
    }

    private static List<ReportLink> linksOf(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Report report = Report.findByReference(reference).orElseThrow();
            List<ReportLink> links = ReportLink.findFor(report);
            links.forEach(link -> link.linkedReport.reference.length());
            return links;
        });
    }

    private static boolean flagged(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> Report.findByReference(reference).orElseThrow().possibleDuplicate);
    }

    @Test
    void sameCategoryNearbyWithinTheWindowIsLinkedBothWays() {
        SubmittedReport first = submit(Submissions.valid().category("FIREWORKS").on(LocalDate.of(2019, 3, 1)).at(52.1400, -0.4700));
        SubmittedReport second = submit(Submissions.valid().category("FIREWORKS").on(LocalDate.of(2019, 3, 6)).at(52.1405, -0.4702));

        assertThat(second.possibleDuplicate()).isTrue();
        assertThat(flagged(first.reference())).isTrue();
        List<ReportLink> links = linksOf(second.reference());
        assertThat(links).hasSize(1);
        assertThat(links.get(0).linkedReport.reference).isEqualTo(first.reference());
        assertThat(links.get(0).reason).isEqualTo(ReportLink.NEARBY);
        assertThat(links.get(0).distanceMetres).isBetween(50, 65);
    }

    @Test
    void reportsFurtherApartThanTheDistanceAreNotLinked() {
        submit(Submissions.valid().category("FIREWORKS").on(LocalDate.of(2019, 5, 1)).at(52.1400, -0.4700));
        // about 220 m north
        SubmittedReport second = submit(Submissions.valid().category("FIREWORKS").on(LocalDate.of(2019, 5, 1)).at(52.1420, -0.4700));

        assertThat(second.possibleDuplicate()).isFalse();
        assertThat(linksOf(second.reference())).isEmpty();
    }

    @Test
    void reportsMoreThanAWeekApartAreNotLinked() {
        submit(Submissions.valid().category("FIREWORKS").on(LocalDate.of(2019, 7, 1)).at(52.1400, -0.4700));
        SubmittedReport second = submit(Submissions.valid().category("FIREWORKS").on(LocalDate.of(2019, 7, 9)).at(52.1400, -0.4700));

        assertThat(second.possibleDuplicate()).isFalse();
    }

    @Test
    void differentCategoriesAtTheSamePlaceAreNotLinked() {
        submit(Submissions.valid().category("FIREWORKS").on(LocalDate.of(2019, 9, 1)).at(52.1500, -0.4800));
        SubmittedReport second = submit(Submissions.valid().category("BEGGING").on(LocalDate.of(2019, 9, 1)).at(52.1500, -0.4800));

        assertThat(second.possibleDuplicate()).isFalse();
    }

    @Test
    void withoutMapPointsTheSameDescribedPlaceInTheSameWardIsLinked() {
        SubmittedReport first = submit(Submissions.valid().category("TRESPASS").on(LocalDate.of(2019, 11, 1))
                .place("The old bus depot, Ford End Road", "E36001578"));
        SubmittedReport second = submit(Submissions.valid().category("TRESPASS").on(LocalDate.of(2019, 11, 3))
                .place("the OLD bus depot - Ford End Road ", "E36001578"));

        assertThat(second.possibleDuplicate()).isTrue();
        List<ReportLink> links = linksOf(second.reference());
        assertThat(links).extracting(link -> link.linkedReport.reference).containsExactly(first.reference());
        assertThat(links.get(0).reason).isEqualTo(ReportLink.SAME_LOCATION);
    }

    @Test
    void duplicatesAreStillSavedAndRouted() {
        submit(Submissions.valid().category("ABANDONED_VEHICLE").on(LocalDate.of(2020, 1, 10)).at(52.1300, -0.4600));
        SubmittedReport second = submit(Submissions.valid().category("ABANDONED_VEHICLE").on(LocalDate.of(2020, 1, 10)).at(52.1300, -0.4600));

        assertThat(second.reference()).startsWith("ASB-");
        assertThat(second.queueCode()).isEqualTo("COUNCIL_ASB");
        assertThat(second.possibleDuplicate()).isTrue();
    }

    @Test
    void haversineDistanceMatchesAKnownDistance() {
        // One thousandth of a degree of latitude is about 111 metres.
        assertThat(DuplicateFinder.distanceMetres(52.0, -0.5, 52.001, -0.5)).isBetween(110.0, 112.0);
    }
}
