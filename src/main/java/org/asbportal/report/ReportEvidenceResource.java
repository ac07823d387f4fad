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
import org.asbportal.web.ConflictException;
import org.asbportal.web.InvalidSubmissionException;
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
        String client = TrackResource.client(http);
        UploadedFile upload = upload(file);
        try {
            return tracking.withAccessCode(reference, client, r -> reports.addEvidence(r, accessCode, upload))
                    .map(s -> TrackResource.page(200, ReportTracking.filePage(s, accessCode, null, true)))
                    .orElseGet(() -> TrackResource.notFound(reference));
        } catch (InvalidSubmissionException e) {
            return again(400, reference, accessCode, client, e.errors().get(0).message());
        } catch (ConflictException e) {
            return again(409, reference, accessCode, client, e.getMessage());
        }
    }

    private Response again(int code, String reference, String accessCode, String client, String error) {
        return tracking.withAccessCode(reference, client, r -> reports.status(r, accessCode))
                .map(s -> TrackResource.page(code, ReportTracking.filePage(s, accessCode, error, false)))
                .orElseGet(() -> TrackResource.notFound(reference));
    }

    /** The file sent, or null when the file input was left empty. */
    private static UploadedFile upload(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return null;
        }
        long size = file.size();
        String name = file.fileName();
        if (size == 0 && (name == null || name.isBlank())) {
            return null;
        }
        return new UploadedFile(name == null ? "" : name, size, () -> Files.newInputStream(file.uploadedFile()));
    }
}
