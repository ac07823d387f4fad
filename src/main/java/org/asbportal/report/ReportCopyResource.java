package org.asbportal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

import org.asbportal.casetracking.TrackResource;
import org.asbportal.casetracking.TrackingService;

/**
 * The victim downloads from their report's page on {@code /track} a copy of what they told us and the
 * updates they were given: a JSON file, or a page to print. The access code travels in the form.
 */
@Path("/track/copy")
@Produces(MediaType.WILDCARD)
public class ReportCopyResource {

    @CheckedTemplate(basePath = "report")
    static class Templates {
        static native TemplateInstance copy(ReportCopy copy);
    }

    private final TrackingService tracking;
    private final ReportTracking reports;
    private final ObjectMapper json;

    public ReportCopyResource(TrackingService tracking, ReportTracking reports, ObjectMapper json) {
        this.tracking = tracking;
        this.reports = reports;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response copy(@FormParam("reference") String reference, @FormParam("accessCode") String accessCode,
            @FormParam("format") String format, @Context HttpServerRequest http) throws JsonProcessingException {
        Optional<ReportCopy> copy = tracking.withAccessCode(reference, TrackResource.client(http), r -> reports.copy(r, accessCode));
        if (copy.isEmpty()) {
            return TrackResource.notFound(reference);
        }
        if ("json".equals(format)) {
            return Response.ok(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(copy.get()), MediaType.APPLICATION_JSON_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + copy.get().reference() + ".json\"")
                    .header("Cache-Control", "no-store").build();
        }
        return Response.ok(Templates.copy(copy.get()), MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-store").build();
    }
}
