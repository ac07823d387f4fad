package org.asbportal.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

import org.asbportal.web.UploadRoutes;

/**
 * The two routes where residents send files, each taking a body of up to twice the largest file
 * (and a little for the form), so that a file somewhat too big is told so in words on its page
 * ({@link EvidenceCleaner}); a larger body is refused as too large before it is read.
 */
@ApplicationScoped
public class EvidenceUploadRoutes implements UploadRoutes {

    /** The report journey's file page posts here. */
    static final String JOURNEY = "/report/" + ReportJourney.EVIDENCE + "/files";
    /** The victim's page on /track posts here. */
    static final String TRACK = "/track/evidence";

    private final EvidenceConfig config;

    public EvidenceUploadRoutes(EvidenceConfig config) {
        this.config = config;
    }

    @Override
    public Map<String, Long> maxBodies() {
        long body = 2 * config.maxFileSize().asLongValue() + 64 * 1024;
        return Map.of(JOURNEY, body, TRACK, body);
    }
}
