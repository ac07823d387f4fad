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
    void aPlaceReportedManyTimesLinksEachNewReportToTheEarliestTwentyOnly() {
        List<String> references = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) {
            references.add(submit(Submissions.valid().category("FIREWORKS").on(LocalDate.of(2017, 11, 5))
                    .at(52.1300, -0.4800)).reference());
        }

        String last = references.get(22);
        assertThat(linksOf(last)).extracting(link -> link.linkedReport.reference)
                .containsExactlyInAnyOrderElementsOf(references.subList(0, 20));
        assertThat(flagged(last)).isTrue();
        // The twenty-first has its twenty links to the earliest and none from the later two, which link
        // to the earliest twenty as well.
        assertThat(linksOf(references.get(20))).hasSize(20);
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
    void twoReportsAMinuteApartAtTheSameDescribedPlaceInNoKnownWardAreLinked() {
        // No ward chosen, no map point, and a place the place search does not know.
        SubmittedReport first = submit(Submissions.valid().category("TRESPASS").on(LocalDate.of(2017, 2, 1))
                .place("Behind the disused Quillby warehouse", null));
        SubmittedReport second = submit(Submissions.valid().category("TRESPASS").on(LocalDate.of(2017, 2, 1))
                .place("behind the disused Quillby warehouse.", null));

        assertThat(second.possibleDuplicate()).isTrue();
        assertThat(linksOf(second.reference())).extracting(link -> link.linkedReport.reference)
                .containsExactly(first.reference());
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
    void eastAndWestTheDistanceDecidesAsItDoesNorthAndSouth() {
        // At latitude 52.2 a thousandth of a degree of longitude is about 68 metres.
        SubmittedReport first = submit(Submissions.valid().category("FIREWORKS").on(LocalDate.of(2018, 3, 1)).at(52.2000, -0.4700));
        SubmittedReport within = submit(Submissions.valid().category("FIREWORKS").on(LocalDate.of(2018, 3, 2)).at(52.2000, -0.4679));
        SubmittedReport beyond = submit(Submissions.valid().category("FIREWORKS").on(LocalDate.of(2018, 3, 2)).at(52.2000, -0.4723));

        assertThat(linksOf(within.reference())).extracting(link -> link.linkedReport.reference).containsExactly(first.reference());
        assertThat(linksOf(within.reference()).get(0).distanceMetres).isBetween(140, 150);
        // 157 m west of the first, 300 m from the second
        assertThat(beyond.possibleDuplicate()).isFalse();
    }

    @Test
    void aReportWithAMapPointIsLinkedToOneWithoutItAtTheSameDescribedPlace() {
        SubmittedReport first = submit(Submissions.valid().category("TRESPASS").on(LocalDate.of(2018, 5, 1))
                .place("Car park behind St Paul's Church", "E36001578"));
        SubmittedReport second = submit(Submissions.valid().category("TRESPASS").on(LocalDate.of(2018, 5, 2))
                .place("car park, behind St. Paul's church", "E36001578").at(52.1360, -0.4670));
        SubmittedReport otherWard = submit(Submissions.valid().category("TRESPASS").on(LocalDate.of(2018, 5, 2))
                .place("Car park behind St Paul's Church", "E36001579"));

        assertThat(linksOf(second.reference())).extracting(link -> link.linkedReport.reference + " " + link.reason)
                .containsExactly(first.reference() + " " + ReportLink.SAME_LOCATION);
        assertThat(otherWard.possibleDuplicate()).isFalse();
    }

    @Test
    void theDatabaseNormalisesDescribedPlacesAsTheFinderComparesThem() {
        List<String> places = List.of("  The Caf\u00e9 -- 12\u201314 High St!! ", "FLAT 3,  Ørsted Court", "St. Paul's Square (north side)");
        for (String place : places) {
            SubmittedReport report = submit(Submissions.valid().category("GRAFFITI_DAMAGE").on(LocalDate.of(2018, 7, 1)).place(place, "E36001578"));
            String stored = QuarkusTransaction.requiringNew().call(() -> Report.findByReference(report.reference()).orElseThrow().placeNormalised);
            assertThat(stored).isEqualTo(DuplicateFinder.normalise(place));
        }
    }

    @Test
    void theBoxAroundAPointHoldsEveryPointWithinTheDistance() {
        for (double latitude : new double[] {0, 52.13, -33.9, 70.5}) {
            DuplicateFinder.Box box = DuplicateFinder.Box.around(latitude, -0.47, 150);
            for (int bearing = 0; bearing < 360; bearing += 5) {
                double[] point = destination(latitude, -0.47, bearing, 149.9);
                assertThat(DuplicateFinder.distanceMetres(latitude, -0.47, point[0], point[1])).isLessThan(150);
                assertThat(point[0]).as("latitude at %s degrees from %s", bearing, latitude)
                        .isBetween(box.minLatitude().doubleValue(), box.maxLatitude().doubleValue());
                assertThat(point[1]).as("longitude at %s degrees from %s", bearing, latitude)
                        .isBetween(box.minLongitude().doubleValue(), box.maxLongitude().doubleValue());
            }
            // and it is a box around the distance, not around everything
            assertThat(box.maxLatitude().doubleValue() - box.minLatitude().doubleValue()).isLessThan(0.003);
            assertThat(box.maxLongitude().doubleValue() - box.minLongitude().doubleValue()).isLessThan(0.01);
        }
        DuplicateFinder.Box nearThePole = DuplicateFinder.Box.around(89.9995, 10, 150);
        assertThat(nearThePole.minLongitude().doubleValue()).isEqualTo(-180);
        assertThat(nearThePole.maxLongitude().doubleValue()).isEqualTo(180);
    }

    /** The point {@code metres} from a point on a bearing, on the sphere the finder measures on. */
    private static double[] destination(double latitude, double longitude, double bearing, double metres) {
        double angle = metres / 6_371_008.8;
        double lat = Math.toRadians(latitude);
        double theta = Math.toRadians(bearing);
        double lat2 = Math.asin(Math.sin(lat) * Math.cos(angle) + Math.cos(lat) * Math.sin(angle) * Math.cos(theta));
        double lon2 = Math.toRadians(longitude) + Math.atan2(Math.sin(theta) * Math.sin(angle) * Math.cos(lat),
                Math.cos(angle) - Math.sin(lat) * Math.sin(lat2));
        return new double[] {Math.toDegrees(lat2), Math.toDegrees(lon2)};
    }

    @Test
    void haversineDistanceMatchesAKnownDistance() {
        // One thousandth of a degree of latitude is about 111 metres.
        assertThat(DuplicateFinder.distanceMetres(52.0, -0.5, 52.001, -0.5)).isBetween(110.0, 112.0);
    }
}
