package org.asbportal.figures;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.asbportal.web.Calendar;
import org.jboss.logging.Logger;

/**
 * Dev mode only: when no police data has been imported, one real month of Bedfordshire Police's
 * street-level ASB (data.police.uk, Open Government Licence v3.0) is imported, its rows spread over the
 * last twelve months so that the ward summaries and open figures have something to show.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoPoliceData {

    private static final Logger LOG = Logger.getLogger(DemoPoliceData.class);
    private static final String FILE = "/db/bedford/demo-police-asb.csv";

    private final PoliceImportService imports;
    private final WardStatistics statistics;
    private final Calendar calendar;

    public DemoPoliceData(PoliceImportService imports, WardStatistics statistics, Calendar calendar) {
        this.imports = imports;
        this.statistics = statistics;
        this.calendar = calendar;
    }

    void onStart(@Observes @Priority(200) StartupEvent start) {
        if (statistics.anyPoliceData()) {
            return;
        }
        PoliceImportResult result = imports.importCsv(new StringReader(spreadOverTheLastYear(read())), "demo");
        LOG.infof("Demo police data: %d incidents imported for %s", result.imported(), result.months());
    }

    /** The file with each row's month moved to one of the last twelve, in turn. */
    private String spreadOverTheLastYear(String csv) {
        YearMonth current = YearMonth.from(calendar.now().atZone(ZoneOffset.UTC));
        String[] lines = csv.split("\r?\n");
        List<String> out = new ArrayList<>();
        out.add(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int first = line.indexOf(',');
            int second = line.indexOf(',', first + 1);
            if (first < 0 || second < 0) {
                continue;
            }
            out.add(line.substring(0, first + 1) + current.minusMonths(i % 12) + line.substring(second));
        }
        return String.join("\n", out) + "\n";
    }

    private static String read() {
        try (InputStream in = DemoPoliceData.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
