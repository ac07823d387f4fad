package org.asbportal.report;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.asbportal.casetracking.TrackingService;
import org.asbportal.security.ClientAddress;
import org.asbportal.web.CalendarConfig;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** JSON API for residents' reports, for apps and partner systems. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportApiResource {

    private static final int MAX_IDEMPOTENCY_KEY = 255;

    private final ReportService reports;
    private final TrackingService tracking;
    private final ReportTracking tracked;
    private final CalendarConfig serviceLevels;

    public ReportApiResource(ReportService reports, TrackingService tracking, ReportTracking tracked, CalendarConfig serviceLevels) {
        this.tracked = tracked;
        this.reports = reports;
        this.tracking = tracking;
        this.serviceLevels = serviceLevels;
    }

    @Operation(summary = "Report anti-social behaviour", description = ReportApiDocs.SUBMIT_DESCRIPTION)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportRequest.class),
            examples = {@ExampleObject(name = "named victim", value = ReportApiDocs.NAMED_EXAMPLE),
                    @ExampleObject(name = "anonymous witness", value = ReportApiDocs.ANONYMOUS_EXAMPLE)}))
    @APIResponse(responseCode = "201", description = "Saved, screened and routed: the reference and the access code to follow it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResponse.class),
                    examples = @ExampleObject(name = "saved", value = ReportApiDocs.SAVED_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with a different report")
    @APIResponse(responseCode = "429", description = "Too many attempts from this client or at this reference: wait Retry-After seconds")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(ReportRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri, @Context HttpServerRequest http) {
        if (request == null) {
            throw new InvalidSubmissionException("body", "Send the report as a JSON object");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw new InvalidSubmissionException("Idempotency-Key", "Idempotency-Key must be 1 to 255 characters long");
        }
        ReportSubmission submission = toSubmission(request);
        SubmittedReport saved;
        try {
            saved = reports.submit(submission, idempotencyKey, Channel.API, ClientAddress.of(http));
        } catch (InvalidSubmissionException e) {
            throw new InvalidSubmissionException(e.errors().stream()
                    .map(error -> new FieldError(ReportRequest.jsonField(error.field()), error.message()))
                    .distinct()
                    .toList());
        }
        return Response.created(uri.getBaseUriBuilder().path("api/v1/reports/{reference}").build(saved.reference()))
                .entity(ReportResponse.of(saved))
                .build();
    }

    @Operation(summary = "A report's status and public timeline, with its access code")
    @APIResponse(responseCode = "404", description = "No report matches this reference and access code")
    @APIResponse(responseCode = "429", description = "Too many attempts from this client or at this reference: wait Retry-After seconds")
    @GET
    @Path("/{reference}")
    public ReportStatusResponse status(@PathParam("reference") String reference, @HeaderParam("X-Access-Code") String accessCode,
            @Context HttpServerRequest http) {
        return tracking.withAccessCode(reference, ClientAddress.of(http), r -> tracked.status(r, accessCode))
                .map(ReportStatusResponse::of)
                .orElseThrow(() -> new NotFoundException("No report matches this reference and access code"));
    }

    private ReportSubmission toSubmission(ReportRequest request) {
        When when = parseOccurredAt(request.occurredAt());
        return new ReportSubmission(request.categoryCode(), request.description(), request.peopleInvolved(),
                when.date(), when.time(), request.stillHappening(), request.frequency(), request.location(),
                Boolean.TRUE.equals(request.anonymous()), request.reporter(), request.risk(), request.consentToShare(),
                request.equality(), request.captchaToken());
    }

    private record When(LocalDate date, LocalTime time) {
    }

    private When parseOccurredAt(String occurredAt) {
        if (occurredAt == null || occurredAt.isBlank()) {
            return new When(null, null);
        }
        String value = occurredAt.strip();
        try {
            if (value.length() == 10) {
                return new When(LocalDate.parse(value), null);
            }
            LocalDateTime local;
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                ZonedDateTime there = OffsetDateTime.parse(value).atZoneSameInstant(serviceLevels.zone());
                local = there.toLocalDateTime();
            } else {
                local = LocalDateTime.parse(value);
            }
            return new When(local.toLocalDate(), local.toLocalTime().withNano(0));
        } catch (DateTimeException e) {
            throw new InvalidSubmissionException(List.of(new FieldError("occurredAt",
                    "Enter when it happened as an ISO-8601 date, or date and time, like 2026-11-20 or 2026-11-20T21:30")));
        }
    }
}
