package org.asbportal.report;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;

import org.asbportal.casetracking.TrackResource;
import org.asbportal.casetracking.TrackingService;
import org.asbportal.web.UploadedFile;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The victim sends a photo, recording or document for their report from its page on {@code /track}
 * (a multipart form carrying the reference and access code, CSRF-checked like every form).
 */
@Path(EvidenceUploadRoutes.TRACK)
@Produces(MediaType.TEXT_HTML)
public class ReportEvidenceResource {

    private final TrackingService tracking;
    private final ReportTracking reports;

    public ReportEvidenceResource(TrackingService tracking, ReportTracking reports) {
        this.tracking = tracking;
        this.reports = reports;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response add(@RestForm String reference, @RestForm String accessCode, @RestForm("file") FileUpload file,
            @Context HttpServerRequest http) {
        UploadedFile upload = upload(file);
        return ReportTrackResource.answer(tracking, reports, reference, accessCode, TrackResource.client(http),
                r -> reports.addEvidence(r, accessCode, upload),
                (status, error) -> ReportTracking.filePage(status, accessCode, error, error == null));
    }

    /** The file sent, or null when the file input was left empty. */
    private static UploadedFile upload(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return null;
        }
        return UploadedFile.chosen(file.fileName(), file.size(), () -> Files.newInputStream(file.uploadedFile()));
    }
}
