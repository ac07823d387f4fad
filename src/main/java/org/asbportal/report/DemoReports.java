package org.asbportal.report;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.asbportal.report.ReportSubmission.Frequency;
import org.asbportal.report.ReportSubmission.Impact;
import org.asbportal.report.ReportSubmission.Location;
import org.asbportal.report.ReportSubmission.Reporter;
import org.asbportal.report.ReportSubmission.ReporterRole;
import org.asbportal.report.ReportSubmission.RiskAnswers;
import org.asbportal.report.ReportSubmission.YesNoNotSure;
import org.asbportal.web.Calendar;
import org.jboss.logging.Logger;

/**
 * Dev mode only: when there are no reports yet, made-up residents' reports at real Bedford places are
 * sent through the same submission as the website's, so they are screened, routed to the queues and
 * counted in the ward figures, and no staff page starts empty. Nobody in them is real.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoReports {

    private static final Logger LOG = Logger.getLogger(DemoReports.class);

    private record Sample(String category, String what, String place, double longitude, double latitude, int daysAgo,
            Impact impact, boolean unsafeAtHome, boolean identity, boolean anonymous) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample("NOISE", "Loud music from the flat above until 3am most nights.", "Greyfriars", -0.474757, 52.139047, 2,
                    Impact.SEVERE, false, false, false),
            new Sample("ROWDY", "A group shouting and throwing bottles outside the shops in the evening.", "Shopping area, Midland Road",
                    -0.466146, 52.135753, 5, Impact.SOME, false, false, true),
            new Sample("FLY_TIPPING", "Mattresses and bags of rubbish dumped by the garages.", "Spenser Road", -0.483389, 52.141299, 9,
                    Impact.NONE, false, false, false),
            new Sample("INTIMIDATION", "The same young men wait by my door and swear at me when I go out.", "Comet Drive",
                    -0.431873, 52.108526, 1, Impact.SEVERE, true, false, false),
            new Sample("HATE", "Stickers and words shouted about my religion on the way to the bus stop.", "Millbrook Road",
                    -0.469889, 52.126720, 3, Impact.SEVERE, false, true, false),
            new Sample("VEHICLE_NUISANCE", "Cars racing round the car park late at night.", "Supermarket car park",
                    -0.459569, 52.143436, 12, Impact.SOME, false, false, true),
            new Sample("GRAFFITI_DAMAGE", "Graffiti sprayed on the bus shelter and the fence again.", "Putnoe Lane",
                    -0.445480, 52.153528, 20, Impact.NONE, false, false, false),
            new Sample("NEIGHBOUR", "Next door's dog barks all day and they shout at us when we ask.", "Sauton Close",
                    -0.500824, 52.131703, 30, Impact.SOME, false, false, false),
            new Sample("DRUGS", "People dealing from a car in the lay-by every afternoon.", "Alington Road", -0.270013, 52.208108,
                    45, Impact.SOME, false, false, true),
            new Sample("STREET_DRINKING", "Drinking on the benches from the morning, shouting at passers-by.", "Greyfriars",
                    -0.474757, 52.139047, 70, Impact.SOME, false, false, false),
            new Sample("NOISE", "Parties in the garden every weekend until the early hours.", "Comet Drive", -0.431873, 52.108526,
                    100, Impact.SOME, false, false, false),
            new Sample("FLY_TIPPING", "Builders' rubble left in the alley behind the houses.", "Millbrook Road", -0.469889, 52.126720,
                    150, Impact.NONE, false, false, false));

    private final ReportService reports;
    private final Calendar calendar;

    public DemoReports(ReportService reports, Calendar calendar) {
        this.reports = reports;
        this.calendar = calendar;
    }

    void onStart(@Observes @Priority(300) StartupEvent start) {
        if (reports.anyReports()) {
            return;
        }
        LocalDate today = calendar.today();
        int n = 0;
        for (Sample sample : SAMPLES) {
            n++;
            Reporter reporter = sample.anonymous() ? new Reporter(null, null, null, null, ReporterRole.WITNESS)
                    : new Reporter("Demo Resident " + n, "demo.resident" + n + "@example.org", null,
                            ReportSubmission.ContactMethod.EMAIL, ReporterRole.VICTIM);
            ReportSubmission submission = new ReportSubmission(sample.category(), sample.what(), null,
                    today.minusDays(sample.daysAgo()), LocalTime.of(18 + n % 5, 30), n % 3 == 0, Frequency.WEEKLY,
                    new Location(sample.place(), "Bedford", null, sample.latitude(), sample.longitude()), sample.anonymous(),
                    reporter, new RiskAnswers(YesNoNotSure.YES, sample.identity(),
                            sample.identity() ? List.of(ReportSubmission.Identity.RELIGION) : List.of(), sample.impact(),
                            sample.unsafeAtHome(), false, n % 4 == 0 ? YesNoNotSure.YES : YesNoNotSure.NO),
                    true, null, null);
            reports.submit(submission, "demo-report-" + n, Channel.WEB, "127.0.0.1");
        }
        LOG.infof("Demo reports: %d made-up reports sent", SAMPLES.size());
    }
}
